import {
  batchWrite,
  get,
  type Item,
  isConditionFailure,
  type Key,
  put,
  queryAll,
  queryPage,
  update,
} from './gateway.ts';
import { keys } from './keys.ts';
import { UNINDEXED_SHARDS } from './xapi-statements.ts';

/**
 * Query indexes of the Statement resource, written by the stream projection (docs/xapi-lrs.md, "Access patterns").
 * Each Statement gets one index entry per (filter kind, value) it matches, all sorted by `order` (stored time). A
 * query reads ONE index partition, chosen by the most selective filter given, and applies the other filters with a
 * FilterExpression on attributes every entry carries. Values are hashed (see xapi-hash.ts), registrations lower-cased.
 */

/** Filter kinds with an index partition. `all` has a single value; `auth` serves statements/read/mine. */
export type IndexKind = 'all' | 'agent' | 'activity' | 'verb' | 'reg' | 'auth';

/** The filter values a Statement matches, as hashes. */
export interface FilterKeys {
  /** Actor or Object Agent/Group, and members of those Groups: the `agent` filter. */
  agents: string[];
  /** Every Agent anywhere (actor, object, authority, instructor, team, in SubStatements): `related_agents`. */
  relatedAgents: string[];
  verbs: string[];
  /** The Object Activity: the `activity` filter. */
  activities: string[];
  /** Object, context Activities, and those of a SubStatement: `related_activities`. */
  relatedActivities: string[];
  registrations: string[];
}

export const ALL_VALUE = 'all';

export interface IndexEntry {
  pk: string;
  sk: string;
  entity: 'xapi-index';
  id: string;
  ag: string[];
  rag: string[];
  vb: string[];
  act: string[];
  ract: string[];
  reg: string[];
  auth: string;
}

/** Partitions a Statement must appear in. Agents and Activities are indexed under their broad ("related") sets. */
function indexPartitions(k: FilterKeys, authorityHash: string): { kind: IndexKind; value: string }[] {
  const parts: { kind: IndexKind; value: string }[] = [{ kind: 'all', value: ALL_VALUE }];
  for (const v of new Set(k.relatedAgents)) parts.push({ kind: 'agent', value: v });
  for (const v of new Set(k.relatedActivities)) parts.push({ kind: 'activity', value: v });
  for (const v of new Set(k.verbs)) parts.push({ kind: 'verb', value: v });
  for (const v of new Set(k.registrations)) parts.push({ kind: 'reg', value: v });
  parts.push({ kind: 'auth', value: authorityHash });
  return parts;
}

/**
 * Writes the index entries of a Statement and, in the same BatchWriteItem calls, its index record when given: one
 * round of requests on the projection's path instead of two.
 */
export async function writeIndexEntries(
  id: string,
  order: string,
  k: FilterKeys,
  authorityHash: string,
  record?: Omit<IndexRecord, 'pk' | 'sk' | 'entity'>,
): Promise<void> {
  const uniq = (xs: string[]) => [...new Set(xs)];
  const attrs = {
    entity: 'xapi-index' as const,
    id: id.toLowerCase(),
    // Lists, not sets: DynamoDB sets cannot be empty, and `contains` works on both.
    ag: uniq(k.agents),
    rag: uniq(k.relatedAgents),
    vb: uniq(k.verbs),
    act: uniq(k.activities),
    ract: uniq(k.relatedActivities),
    reg: uniq(k.registrations),
    auth: authorityHash,
  };
  await batchWrite([
    ...indexPartitions(k, authorityHash).map((p) => ({
      PutRequest: {
        Item: { ...keys.xapi.indexEntry(p.kind, p.value, order), ...attrs } satisfies IndexEntry,
      },
    })),
    ...(record
      ? [
          {
            PutRequest: {
              Item: { ...keys.xapi.indexRecord(record.id), entity: 'xapi-index-record', ...record },
            },
          },
        ]
      : []),
  ]);
}

/** What the projection remembers of an indexed Statement, to serve Statements that reference it. */
export interface IndexRecord {
  pk: string;
  sk: 'index';
  entity: 'xapi-index-record';
  id: string;
  order: string;
  authorityHash: string;
  own: FilterKeys;
  effective: FilterKeys;
  /** The Statement this one references (Object StatementRef), if any. */
  target?: string;
}

export async function getIndexRecord(id: string): Promise<IndexRecord | undefined> {
  return get<IndexRecord>({ Key: keys.xapi.indexRecord(id), ConsistentRead: true });
}

export async function putReferrer(targetId: string, referrerId: string): Promise<void> {
  await put({
    Item: {
      ...keys.xapi.referrer(targetId, referrerId),
      entity: 'xapi-referrer',
      referrerId: referrerId.toLowerCase(),
    },
  });
}

export async function listReferrers(targetId: string): Promise<string[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: {
      ':pk': keys.xapi.statementPartition(targetId),
      ':p': keys.xapi.prefix.referrer,
    },
    ConsistentRead: true,
  });
  return items.map((item) => String(item['referrerId']));
}

/** Takes the Statement out of the "not yet indexed" GSI (only if it is still the same write). */
export async function markIndexed(id: string, order: string): Promise<void> {
  try {
    await update({
      Key: keys.xapi.statement(id),
      UpdateExpression: 'REMOVE gsi1pk, gsi1sk',
      ConditionExpression: '#o = :o',
      ExpressionAttributeNames: { '#o': 'order' },
      ExpressionAttributeValues: { ':o': order },
    });
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
  }
}

/** `stored` of the oldest Statement not yet indexed, or undefined when the projection has caught up. */
export async function oldestUnindexedStored(): Promise<string | undefined> {
  const firsts = await Promise.all(
    Array.from({ length: UNINDEXED_SHARDS }, (_, shard) =>
      queryPage({
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.xapi.unindexedPartition(shard) },
        ProjectionExpression: 'gsi1sk',
        Limit: 1,
      }),
    ),
  );
  const orders = firsts.map((r) => r.items[0]?.['gsi1sk']).filter((o): o is string => typeof o === 'string');
  if (orders.length === 0) return undefined;
  return orders.sort()[0]!.split('#')[0];
}

export interface IndexQuery {
  kind: IndexKind;
  value: string;
  /** Exclusive lower bound on `stored` (ISO, millisecond precision). */
  since?: string;
  /** Inclusive upper bound on `stored`. */
  until?: string;
  ascending: boolean;
  /** Extra conditions on the entry attributes. */
  filters: {
    agent?: string;
    relatedAgent?: string;
    verb?: string;
    activity?: string;
    relatedActivity?: string;
    registration?: string;
    authority?: string;
  };
  startKey?: Item;
  pageSize: number;
}

/** One page of index entries; `next` continues the same Query. */
export async function queryIndex(
  q: IndexQuery,
): Promise<{ entries: { id: string; key: Key }[]; next?: Item }> {
  const values: Item = { ':pk': keys.xapi.indexPartition(q.kind, q.value) };
  // '~' sorts after '#' and digits: `<stored>#~` bounds every entry stored at that millisecond.
  let range = '';
  if (q.since !== undefined && q.until !== undefined) {
    range = ' AND sk BETWEEN :lo AND :hi';
    values[':lo'] = `${q.since}#~`;
    values[':hi'] = `${q.until}#~`;
  } else if (q.since !== undefined) {
    range = ' AND sk > :lo';
    values[':lo'] = `${q.since}#~`;
  } else if (q.until !== undefined) {
    range = ' AND sk < :hi';
    values[':hi'] = `${q.until}#~`;
  }
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const add = (attr: string, value: string | undefined, op: 'contains' | 'eq') => {
    if (value === undefined) return;
    const v = `:f${conditions.length}`;
    values[v] = value;
    names[`#${attr}`] = attr;
    conditions.push(op === 'contains' ? `contains(#${attr}, ${v})` : `#${attr} = ${v}`);
  };
  add('ag', q.filters.agent, 'contains');
  add('rag', q.filters.relatedAgent, 'contains');
  add('vb', q.filters.verb, 'contains');
  add('act', q.filters.activity, 'contains');
  add('ract', q.filters.relatedActivity, 'contains');
  add('reg', q.filters.registration, 'contains');
  add('auth', q.filters.authority, 'eq');
  const page = await queryPage({
    KeyConditionExpression: `pk = :pk${range}`,
    ExpressionAttributeValues: values,
    ...(conditions.length
      ? { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names }
      : {}),
    ScanIndexForward: q.ascending,
    Limit: q.pageSize,
    ...(q.startKey ? { ExclusiveStartKey: q.startKey } : {}),
  });
  return {
    entries: page.items.map((i) => ({
      id: String(i['id']),
      key: { pk: String(i['pk']), sk: String(i['sk']) },
    })),
    ...(page.lastKey ? { next: page.lastKey } : {}),
  };
}
