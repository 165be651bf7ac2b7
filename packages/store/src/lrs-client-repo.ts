import type { Entity } from './entities.ts';
import { get, isConditionFailure, putIfAbsent, queryAll, type UpdateInput, update } from './gateway.ts';
import { keys } from './keys.ts';

/**
 * LRS client credentials (HTTP Basic key + secret for xAPI clients). Only a slow hash of the secret is stored; the
 * item is read on every LRS request, so a revocation or a rotation takes effect on the next request.
 */
export interface LrsClientItem {
  pk: string;
  sk: 'client';
  entity: Extract<Entity, 'lrs-client'>;
  /** The public key (HTTP Basic user name). */
  key: string;
  /** Same as `key`: the id the audit log names the credential by. */
  clientId: string;
  name: string;
  scopes: string[];
  /** `scrypt$N$r$p$<salt b64>$<hash b64>`. */
  secretHash: string;
  createdAt: string;
  createdBy: string;
  /** Who made the last change (create, rotate, revoke): the audit log's actor. */
  updatedBy: string;
  /** Not `expiresAt`: that name is the table's TTL attribute, which would delete the record (and its audit trail). */
  validUntil?: string;
  rotatedAt?: string;
  revokedAt?: string;
  revokedBy?: string;
  gsi1pk: string;
  gsi1sk: string;
}

/** Creates a credential; false if its key is taken. */
export function putLrsClient(item: LrsClientItem): Promise<boolean> {
  return putIfAbsent(item);
}

export async function getLrsClient(key: string): Promise<LrsClientItem | undefined> {
  return get<LrsClientItem>({ Key: keys.lrsClient.item(key), ConsistentRead: true });
}

export async function listLrsClients(): Promise<LrsClientItem[]> {
  return queryAll<LrsClientItem>({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.lrsClient.listPartition },
  });
}

/** An update of an existing credential, returning it as updated; undefined when its condition fails. */
async function updateClient(input: UpdateInput): Promise<LrsClientItem | undefined> {
  try {
    return (await update({ ...input, ReturnValues: 'ALL_NEW' })) as LrsClientItem;
  } catch (e) {
    if (isConditionFailure(e)) return undefined;
    throw e;
  }
}

/** Replaces the secret hash (rotation); refused once revoked. */
export function rotateLrsClientSecret(
  key: string,
  secretHash: string,
  by: string,
  now: string,
): Promise<LrsClientItem | undefined> {
  return updateClient({
    Key: keys.lrsClient.item(key),
    UpdateExpression: 'SET secretHash = :h, rotatedAt = :now, updatedBy = :by',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
    ExpressionAttributeValues: { ':h': secretHash, ':now': now, ':by': by },
  });
}

/** Revokes a credential (idempotent: the first revocation's time and author are kept). */
export function revokeLrsClient(key: string, by: string, now: string): Promise<LrsClientItem | undefined> {
  return updateClient({
    Key: keys.lrsClient.item(key),
    UpdateExpression:
      'SET revokedAt = if_not_exists(revokedAt, :now), revokedBy = if_not_exists(revokedBy, :by), updatedBy = :by',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':now': now, ':by': by },
  });
}
