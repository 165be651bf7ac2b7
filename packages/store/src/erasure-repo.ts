import { createHash, randomUUID } from 'node:crypto';
import type { Entity } from './entities.ts';
import { batchWrite, get, type Key, put, putIfAbsent, queryPartition, update } from './gateway.ts';
import { keys } from './keys.ts';
import { type StatementItem, shardOf } from './xapi-statements.ts';

/**
 * The erasure register's key for a person: a hash of their id, so the register proves the erasure without naming
 * whom it was about, and anything that knows an id (the reports projection, the rebuild) can ask whether it is erased.
 */
export function erasureSubjectHash(userId: string): string {
  return createHash('sha256').update(`parcours-erasure:${userId}`).digest('hex');
}

export interface ErasureRecord {
  id: string;
  pseudonym: string;
  status: 'in-progress' | 'done';
  reason?: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  counts?: Record<string, number>;
  /**
   * What the person's HR report row contributed to the report counters when it was removed: the counters keep it
   * (aggregates unchanged) and the full rebuild of the reports re-adds it (docs/data-protection.md).
   */
  reportContribution?: Record<string, number>;
}

/** The record as stored (`erasure#<subject hash>` / `erasure`). */
interface ErasureItem extends ErasureRecord {
  pk: string;
  sk: string;
  entity: Extract<Entity, 'erasure'>;
}

/** Starts (or resumes, on a retry) an erasure: the pseudonym is chosen once, at random, and never derivable. */
export async function beginErasure(
  subjectHash: string,
  by: string,
  now: string,
  reason?: string,
): Promise<ErasureRecord> {
  const record: ErasureItem = {
    ...keys.erasure.record(subjectHash),
    entity: 'erasure',
    id: subjectHash,
    pseudonym: `p-${randomUUID()}`,
    status: 'in-progress',
    ...(reason ? { reason } : {}),
    createdBy: by,
    createdAt: now,
    updatedBy: by,
    updatedAt: now,
  };
  if (await putIfAbsent(record)) return record;
  const existing = await get<ErasureItem>({ Key: keys.erasure.record(subjectHash), ConsistentRead: true });
  if (!existing) throw new Error(`erasure record ${subjectHash} exists but could not be read`);
  return existing;
}

export async function finishErasure(
  subjectHash: string,
  by: string,
  now: string,
  counts: Record<string, number>,
): Promise<void> {
  await update({
    Key: keys.erasure.record(subjectHash),
    UpdateExpression: 'SET #st = :done, counts = :c, updatedBy = :by, updatedAt = :now',
    ExpressionAttributeNames: { '#st': 'status' },
    ExpressionAttributeValues: { ':done': 'done', ':c': counts, ':by': by, ':now': now },
  });
}

/** Whether a person (by `erasureSubjectHash`) has been erased, or their erasure has begun: one strongly consistent Get. */
export async function isErased(subjectHash: string): Promise<boolean> {
  const r = await get({
    Key: keys.erasure.record(subjectHash),
    ConsistentRead: true,
    ProjectionExpression: 'pk',
  });
  return r !== undefined;
}

/** Deletes the items (batches; complete or throws). Returns how many were asked. */
export async function deleteItems(items: readonly Key[]): Promise<number> {
  await batchWrite(items.map((i) => ({ DeleteRequest: { Key: { pk: i.pk, sk: i.sk } } })));
  return items.length;
}

/** Keys of every item of a partition (for deleting index and notification partitions whole). */
export async function partitionKeys(pk: string): Promise<Key[]> {
  const items = await queryPartition<Key>(pk, 'pk, sk');
  return items.map((i) => ({ pk: String(i.pk), sk: String(i.sk) }));
}

/**
 * Stores a statement whose agent was replaced by the person's pseudonym (`doc`), marked unindexed again: the index
 * projection rebuilds every index entry of the statement from the rewritten text.
 */
export async function putPseudonymizedStatement(item: StatementItem, doc: string): Promise<void> {
  const rewritten: StatementItem = { ...item, doc, ...keys.xapi.unindexed(shardOf(item.id), item.order) };
  await put({ Item: rewritten });
}
