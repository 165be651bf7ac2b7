/**
 * Idempotency records: one per `Idempotency-Key` a client sent, scoped to the operation and the caller, holding
 * the id of the resource that key creates. They expire through the table's TTL.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '@parcours/domain/canonical-json';
import { conflict } from '@parcours/domain/errors';
import type { Entity } from './entities.ts';
import { get, isConditionFailure, put } from './gateway.ts';
import { keys } from './keys.ts';
import { RETRY, withOptimisticRetry } from './optimistic.ts';
import { TABLE } from './table.ts';

const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

export interface IdempotencyRecord {
  pk: string;
  sk: string;
  entity: Extract<Entity, 'idempotency-record'>;
  operation: string;
  userId: string;
  key: string;
  bodyHash: string;
  /** The id reserved for the resource before creating it: every replay, even a concurrent one, targets it. */
  resourceId: string;
  createdAt: string;
  expiresAt: number;
}

/** The request body's fingerprint: the same JSON in any key order hashes the same. */
export function bodyHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('base64url');
}

/**
 * Claims an idempotency key for a resource id, or returns the id an earlier request with the same key claimed.
 * Reserving the id first (rather than recording the outcome afterwards) means two concurrent requests with the
 * same key race on creating the same item, and exactly one can win. Throws 409 `idempotency-key-reused` when the
 * key was used with another body, and `onBusy()` if the record keeps vanishing under us.
 */
export function reserveIdempotency(
  operation: string,
  userId: string,
  key: string,
  hash: string,
  candidateId: string,
  onBusy: () => Error,
): Promise<{ resourceId: string; fresh: boolean }> {
  const itemKey = keys.idempotency.record(operation, userId, key);
  return withOptimisticRetry(
    async () => {
      const nowMs = Date.now(); // idempotency records expire by DynamoDB's TTL: wall-clock time
      const nowSec = Math.floor(nowMs / 1000);
      const record: IdempotencyRecord = {
        ...itemKey,
        entity: 'idempotency-record',
        operation,
        userId,
        key,
        bodyHash: hash,
        resourceId: candidateId,
        createdAt: new Date(nowMs).toISOString(),
        expiresAt: nowSec + IDEMPOTENCY_TTL_SECONDS,
      };
      try {
        await put({
          Item: record,
          // TTL deletion is lazy (up to days late): an expired record counts as absent.
          ConditionExpression: 'attribute_not_exists(#pk) OR #expiresAt < :nowSec',
          ExpressionAttributeNames: { '#pk': 'pk', '#expiresAt': TABLE.ttlAttribute },
          ExpressionAttributeValues: { ':nowSec': nowSec },
        });
        return { resourceId: candidateId, fresh: true };
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
      }
      const existing = await get<IdempotencyRecord>({ Key: itemKey, ConsistentRead: true });
      if (!existing) return RETRY; // expired and deleted in between: claim it again
      if (existing.bodyHash !== hash) {
        throw conflict(
          'idempotency-key-reused',
          'This Idempotency-Key was already used with a different request body',
          { idempotencyKey: key },
        );
      }
      return { resourceId: existing.resourceId, fresh: false };
    },
    { onExhausted: onBusy },
  );
}
