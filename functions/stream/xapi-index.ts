import { getActivityDefinition, putActivityDefinition } from '@parcours/store/xapi-activities';
import { valueHash } from '@parcours/store/xapi-hash';
import {
  getIndexRecord,
  type IndexRecord,
  listReferrers,
  markIndexed,
  putReferrer,
  writeIndexEntries,
} from '@parcours/store/xapi-index';
import type { StatementItem } from '@parcours/store/xapi-statements';
import type { ActivityDefinition, Statement } from '@parcours/xapi';
import { definedActivities, filterKeysOf, mergeDefinition, mergeFilterKeys } from '../lrs/statement-keys.ts';
import type { Projection } from './projection.ts';

/**
 * Builds the Statement query indexes from the stream (docs/xapi-lrs.md, "Consistency"). Idempotent: every write is a
 * Put of a value computed from the Statement, so a redelivered record rewrites the same items.
 *
 * StatementRef rule (Communication 2.1.3.s3): a Statement whose Object references another matches the filters its
 * target matches, recursively. Each indexed Statement records its own and effective keys; a referencing Statement
 * registers itself in its target's partition, so whichever of the two is indexed last completes the picture.
 */
const MAX_REFERENCE_DEPTH = 16;

async function propagateToReferrers(record: IndexRecord, visited: Set<string>, depth: number): Promise<void> {
  if (depth >= MAX_REFERENCE_DEPTH) return;
  for (const referrerId of await listReferrers(record.id)) {
    if (visited.has(referrerId)) continue;
    visited.add(referrerId);
    const referrer = await getIndexRecord(referrerId);
    // Not indexed yet: it will read this record when it is.
    if (!referrer) continue;
    const { pk: _pk, sk: _sk, entity: _entity, ...fields } = referrer;
    const updated = { ...fields, effective: mergeFilterKeys(referrer.own, record.effective) };
    await writeIndexEntries(referrer.id, referrer.order, updated.effective, referrer.authorityHash, updated);
    await propagateToReferrers({ ...referrer, ...updated }, visited, depth + 1);
  }
}

/**
 * Canonical definitions last written by this container: most Statements repeat a definition the LRS already holds,
 * and the cache spares the read. A stale entry costs at most one redundant merge against the stored item.
 */
const knownDefinitions = new Map<string, string>();
const MAX_KNOWN_DEFINITIONS = 5000;

async function updateCanonicalDefinitions(statement: Statement, updated: string): Promise<void> {
  for (const { id, definition } of definedActivities(statement)) {
    const cached = knownDefinitions.get(id);
    if (cached !== undefined) {
      const unchanged =
        JSON.stringify(mergeDefinition(JSON.parse(cached) as ActivityDefinition, definition)) === cached;
      if (unchanged) continue;
    }
    const current = await getActivityDefinition(id);
    const canonical = current === undefined ? undefined : (JSON.parse(current) as ActivityDefinition);
    const merged = JSON.stringify(mergeDefinition(canonical, definition));
    if (merged !== current) await putActivityDefinition(id, merged, updated);
    if (knownDefinitions.size >= MAX_KNOWN_DEFINITIONS) knownDefinitions.clear();
    knownDefinitions.set(id, merged);
  }
}

export async function indexStatement(item: StatementItem): Promise<void> {
  const statement = JSON.parse(item.doc) as Statement;
  const own = filterKeysOf(statement);
  const target =
    statement.object.objectType === 'StatementRef' ? statement.object.id.toLowerCase() : undefined;
  let effective = own;
  if (target) {
    // Register first, then read: a target indexed concurrently either sees us or is seen by us.
    await putReferrer(target, item.id);
    const targetRecord = await getIndexRecord(target);
    if (targetRecord) effective = mergeFilterKeys(own, targetRecord.effective);
  }
  const authorityHash = valueHash(item.authorityKey);
  const record = {
    id: item.id,
    order: item.order,
    authorityHash,
    own,
    effective,
    ...(target ? { target } : {}),
  };
  await writeIndexEntries(item.id, item.order, effective, authorityHash, record);
  if (item.canDefine) await updateCanonicalDefinitions(statement, item.stored);
  await propagateToReferrers(
    { ...record, pk: '', sk: 'index', entity: 'xapi-index-record' },
    new Set([item.id]),
    0,
  );
  // Last: from here on the Statement no longer holds back X-Experience-API-Consistent-Through.
  await markIndexed(item.id, item.order);
}

export const xapiIndexProjection: Projection = {
  name: 'xapi-index',
  entities: ['xapi-statement'],
  async apply(change) {
    const item = change.newImage as StatementItem | undefined;
    // Only writes still marked "unindexed": the projection's own REMOVE of the marker comes back as a MODIFY.
    if (!item || item.gsi1pk === undefined) return;
    await indexStatement(item);
  },
};
