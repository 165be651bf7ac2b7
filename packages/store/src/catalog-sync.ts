import { createHash } from 'node:crypto';
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Catalog } from '@parcours/domain/content/schemas';
import { documentClient, tableName } from './client.ts';
import { type ItemKey, keys } from './keys.ts';

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

/**
 * Makes the table's catalog partition equal to the validated content: writes what changed (by content hash),
 * deletes what was removed. Idempotent: run it on every local start and after every deploy.
 */
export async function syncCatalog(
  catalog: Catalog,
): Promise<{ written: number; deleted: number; unchanged: number }> {
  const wanted = new Map<string, { key: ItemKey; entity: string; data: unknown; contentHash: string }>();
  const add = (key: ItemKey, entity: string, data: unknown) =>
    wanted.set(key.sk, { key, entity, data, contentHash: hash(data) });
  for (const m of catalog.modules) add(keys.catalog.module(m.id), 'module', m);
  for (const p of catalog.paths) add(keys.catalog.path(p.id), 'path', p);
  for (const s of catalog.sites) add(keys.catalog.site(s.id), 'site', s);
  for (const c of catalog.competencies) add(keys.catalog.competency(c.id), 'competency', c);
  for (const s of catalog.services) add(keys.catalog.service(s.id), 'service', s);

  const existing = new Map<string, string>();
  let start: Record<string, unknown> | undefined;
  do {
    const res = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.catalog.partition },
        ProjectionExpression: 'sk, contentHash',
        ExclusiveStartKey: start,
      }),
    );
    for (const it of res.Items ?? []) existing.set(String(it['sk']), String(it['contentHash']));
    start = res.LastEvaluatedKey;
  } while (start);

  const requests: Record<string, unknown>[] = [];
  let unchanged = 0;
  for (const [sk, w] of wanted) {
    if (existing.get(sk) === w.contentHash) {
      unchanged++;
      continue;
    }
    requests.push({
      PutRequest: { Item: { ...w.key, entity: w.entity, data: w.data, contentHash: w.contentHash } },
    });
  }
  let deleted = 0;
  for (const sk of existing.keys()) {
    if (!wanted.has(sk)) {
      requests.push({ DeleteRequest: { Key: { pk: keys.catalog.partition, sk } } });
      deleted++;
    }
  }
  await batchWrite(requests);
  return { written: requests.length - deleted, deleted, unchanged };
}

/** BatchWriteItem in chunks of 25 (the service limit), retrying unprocessed items with backoff. */
export async function batchWrite(requests: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    let pending: Record<string, unknown>[] | undefined = requests.slice(i, i + 25);
    for (let attempt = 0; pending && pending.length > 0; attempt++) {
      if (attempt > 8) throw new Error('BatchWrite: unprocessed items remain after retries');
      if (attempt > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
      const res = await documentClient().send(
        new BatchWriteCommand({ RequestItems: { [tableName()]: pending as never } }),
      );
      pending = res.UnprocessedItems?.[tableName()] as Record<string, unknown>[] | undefined;
    }
  }
}
