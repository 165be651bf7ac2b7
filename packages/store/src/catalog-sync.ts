import { createHash } from 'node:crypto';
import type { Catalog } from '@parcours/domain/content/schemas';
import type { CatalogKind } from './catalog-repo.ts';
import { batchWrite, queryAll, type WriteRequest } from './gateway.ts';
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
  const wanted = new Map<string, { key: ItemKey; entity: CatalogKind; data: unknown; contentHash: string }>();
  const add = (key: ItemKey, entity: CatalogKind, data: unknown) =>
    wanted.set(key.sk, { key, entity, data, contentHash: hash(data) });
  for (const m of catalog.modules) add(keys.catalog.module(m.id), 'module', m);
  for (const p of catalog.paths) add(keys.catalog.path(p.id), 'path', p);
  for (const s of catalog.sites) add(keys.catalog.site(s.id), 'site', s);
  for (const c of catalog.competencies) add(keys.catalog.competency(c.id), 'competency', c);
  for (const s of catalog.services) add(keys.catalog.service(s.id), 'service', s);

  const existing = new Map<string, string>();
  const stored = await queryAll<{ sk: string; contentHash?: string }>({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.catalog.partition },
    ProjectionExpression: 'sk, contentHash',
  });
  for (const it of stored) existing.set(String(it.sk), String(it.contentHash));

  const requests: WriteRequest[] = [];
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
