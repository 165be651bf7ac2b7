import { createHash, randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchWrite } from './catalog-sync.ts';
import { documentClient, tableName } from './client.ts';
import { keys } from './keys.ts';
import { queryPartitionItems } from './query-all.ts';

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

/** Starts (or resumes, on a retry) an erasure: the pseudonym is chosen once, at random, and never derivable. */
export async function beginErasure(
  subjectHash: string,
  by: string,
  now: string,
  reason?: string,
): Promise<ErasureRecord> {
  const record: ErasureRecord & { pk: string; sk: string; entity: string } = {
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
  try {
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: record,
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return record;
  } catch (e) {
    if ((e as { name?: string }).name !== 'ConditionalCheckFailedException') throw e;
    const r = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: keys.erasure.record(subjectHash), ConsistentRead: true }),
    );
    return r.Item as ErasureRecord;
  }
}

export async function finishErasure(
  subjectHash: string,
  by: string,
  now: string,
  counts: Record<string, number>,
): Promise<void> {
  await documentClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.erasure.record(subjectHash),
      UpdateExpression: 'SET #st = :done, counts = :c, updatedBy = :by, updatedAt = :now',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: { ':done': 'done', ':c': counts, ':by': by, ':now': now },
    }),
  );
}

export async function getErasure(subjectHash: string): Promise<ErasureRecord | undefined> {
  const r = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: keys.erasure.record(subjectHash), ConsistentRead: true }),
  );
  return r.Item as ErasureRecord | undefined;
}

/** Whether a person (by `erasureSubjectHash`) has been erased, or their erasure has begun: one strongly consistent Get. */
export async function isErased(subjectHash: string): Promise<boolean> {
  const r = await documentClient().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.erasure.record(subjectHash),
      ConsistentRead: true,
      ProjectionExpression: 'pk',
    }),
  );
  return r.Item !== undefined;
}

export async function deleteItems(items: { pk: unknown; sk: unknown }[]): Promise<number> {
  await batchWrite(items.map((i) => ({ DeleteRequest: { Key: { pk: i.pk, sk: i.sk } } })));
  return items.length;
}

export async function deleteItem(key: { pk: string; sk: string }): Promise<void> {
  await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: key }));
}

/** Keys of every item of a partition (for deleting index partitions). */
export async function partitionKeys(pk: string): Promise<{ pk: string; sk: string }[]> {
  const items = await queryPartitionItems(pk, 'pk, sk');
  return items.map((i) => ({ pk: String(i['pk']), sk: String(i['sk']) }));
}
