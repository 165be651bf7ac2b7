import type { Counters } from '@parcours/domain/reports/aggregates';
import { type Contribution, diffContributions, parseRef } from '@parcours/domain/reports/contributions';
import { get, type Item, queryAll, type TaggedOp, transactWrite } from './gateway.ts';
import { type ItemKey, keys } from './keys.ts';
import { RETRY, withOptimisticRetry } from './optimistic.ts';

/**
 * Counters of the service and path reports, written only as deltas (`ADD`) inside the transaction that records
 * the source's new contribution (domain/reports/contributions.ts), and read by Query of small partitions.
 */

function counterKey(ref: ReturnType<typeof parseRef>): ItemKey {
  switch (ref.kind) {
    case 'matrix':
      return keys.report.matrixShard(ref.service, ref.shard);
    case 'path':
      return keys.report.pathCounter(ref.pathId, ref.month, ref.service);
    case 'eval':
      return keys.report.pathEvaluations(ref.pathId, ref.month);
  }
}

/** One `ADD` update per counter item touched by a delta (attribute names go through placeholders). */
export function counterUpdates(delta: Contribution, now: string): TaggedOp<string>[] {
  const byItem = new Map<
    string,
    { key: ItemKey; attrs: [string, number][]; ref: ReturnType<typeof parseRef> }
  >();
  for (const [refStr, n] of Object.entries(delta)) {
    if (!n) continue;
    const ref = parseRef(refStr);
    const key = counterKey(ref);
    const id = `${key.pk}\u0000${key.sk}`;
    const entry = byItem.get(id) ?? { key, attrs: [], ref };
    entry.attrs.push([ref.attr, n]);
    byItem.set(id, entry);
  }
  const ops: TaggedOp<string>[] = [];
  for (const { key, attrs, ref } of byItem.values()) {
    const names: Record<string, string> = { '#ent': 'entity', '#upd': 'updatedAt', '#kind': 'counterKind' };
    const values: Item = { ':e': 'report-counter', ':now': now, ':k': ref.kind };
    const adds = attrs.map(([attr, n], i) => {
      names[`#a${i}`] = attr;
      values[`:a${i}`] = n;
      return `#a${i} :a${i}`;
    });
    const sets = ['#ent = :e', '#upd = :now', '#kind = :k'];
    const meta = (attr: string, value: string) => {
      names[`#${attr}`] = attr;
      values[`:${attr}`] = value;
      sets.push(`#${attr} = :${attr}`);
    };
    if (ref.kind !== 'eval') meta('svc', ref.service);
    if (ref.kind !== 'matrix') {
      meta('pathId', ref.pathId);
      meta('yearMonth', ref.month);
    }
    ops.push({
      tag: `counter:${key.pk}:${key.sk}`,
      op: {
        Update: {
          Key: key,
          UpdateExpression: `SET ${sets.join(', ')} ADD ${adds.join(', ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
    });
  }
  return ops;
}

const META = new Set(['pk', 'sk', 'entity', 'updatedAt', 'counterKind', 'svc', 'pathId', 'yearMonth']);

function countersOf(item: Item): Counters {
  const out: Counters = {};
  for (const [k, v] of Object.entries(item)) if (!META.has(k) && typeof v === 'number') out[k] = v;
  return out;
}

function queryAllItems(pk: string, sk?: { between?: [string, string]; prefix?: string }): Promise<Item[]> {
  const values: Item = { ':pk': pk };
  let cond = 'pk = :pk';
  if (sk?.between) {
    cond += ' AND sk BETWEEN :a AND :b';
    values[':a'] = sk.between[0];
    values[':b'] = sk.between[1];
  } else if (sk?.prefix) {
    cond += ' AND begins_with(sk, :p)';
    values[':p'] = sk.prefix;
  }
  return queryAll({ KeyConditionExpression: cond, ExpressionAttributeValues: values });
}

/**
 * Matrix counters summed over shards, per service: one Query of the matrix partition (all services: ~100 small
 * items whatever the number of agents), or one per service when only a few are asked for.
 */
export async function readMatrixCounters(
  services: readonly string[] | 'all',
): Promise<Map<string, Counters>> {
  const items =
    services === 'all'
      ? await queryAllItems(keys.report.matrixPartition)
      : (
          await Promise.all(
            services.map((s) =>
              queryAllItems(keys.report.matrixPartition, { prefix: keys.report.matrixServicePrefix(s) }),
            ),
          )
        ).flat();
  const out = new Map<string, Counters>();
  for (const it of items) {
    const svc = String(it['svc'] ?? '');
    const acc = out.get(svc) ?? {};
    for (const [k, v] of Object.entries(countersOf(it))) acc[k] = (acc[k] ?? 0) + v;
    out.set(svc, acc);
  }
  return out;
}

export interface PathCounterItem {
  pathId: string;
  month: string;
  /** Undefined for the satisfaction item of the month. */
  service?: string;
  counters: Counters;
}

/** Path counters for months `from`–`to` (one Query per path: months × services small items). */
export async function readPathCounters(
  pathIds: readonly string[],
  from: string,
  to: string,
): Promise<PathCounterItem[]> {
  const lists = await Promise.all(
    pathIds.map((p) =>
      queryAllItems(keys.report.pathPartition(p), {
        between: [keys.report.pathMonthPrefix(from), `${keys.report.pathMonthPrefix(to)}~`],
      }),
    ),
  );
  return lists.flat().map((it) => ({
    pathId: String(it['pathId']),
    month: String(it['yearMonth']),
    ...(typeof it['svc'] === 'string' ? { service: it['svc'] } : {}),
    counters: countersOf(it),
  }));
}

// --- source markers ----------------------------------------------------------------------------------------------

export interface MarkerItem {
  pk: string;
  sk: string;
  entity: 'report-marker';
  contribution: Contribution;
  /** Ordering guard from the source (its `updatedAt`, or revision): an older image never overwrites a newer one. */
  at: string;
  v: number;
}

/**
 * Records what one source item (an enrolment, an evaluation response) now contributes, and adds the difference to
 * the counters, in one transaction conditional on the marker read. A replayed stream record computes the same
 * contribution and writes nothing; a stale image (older `at` than the marker's) is ignored.
 */
export async function applySourceContribution(input: {
  sourcePk: string;
  sourceSk: string;
  contribution: Contribution;
  at: string;
  now: string;
}): Promise<'unchanged' | 'applied' | 'stale'> {
  const key = keys.report.marker(input.sourcePk, input.sourceSk);
  return withOptimisticRetry<'unchanged' | 'applied' | 'stale'>(
    async () => {
      const marker = await get<MarkerItem>({ Key: key, ConsistentRead: true });
      if (marker && input.at < marker.at) return 'stale';
      const delta = diffContributions(marker?.contribution, input.contribution);
      if (!Object.keys(delta).length && marker) return 'unchanged';
      const item: MarkerItem = {
        ...key,
        entity: 'report-marker',
        contribution: input.contribution,
        at: input.at,
        v: (marker?.v ?? 0) + 1,
      };
      const outcome = await transactWrite<string>([
        {
          tag: 'marker',
          op: {
            Put: {
              Item: item,
              ...(marker
                ? { ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': marker.v } }
                : { ConditionExpression: 'attribute_not_exists(pk)' }),
            },
          },
        },
        ...counterUpdates(delta, input.now),
      ]);
      return outcome.ok ? 'applied' : RETRY;
    },
    { onExhausted: () => new Error(`report marker ${key.pk}: too many conflicts`) },
  );
}

/** Counter items holding absolute totals (the bulk writers: full rebuild, bench loading). */
export function counterItems(total: Contribution, now: string): Item[] {
  const byItem = new Map<string, Item>();
  for (const [refStr, n] of Object.entries(total)) {
    if (!n) continue;
    const ref = parseRef(refStr);
    const key = counterKey(ref);
    const id = `${key.pk}\u0000${key.sk}`;
    let item = byItem.get(id);
    if (!item) {
      item = { ...key, entity: 'report-counter', counterKind: ref.kind, updatedAt: now };
      if (ref.kind !== 'eval') item['svc'] = ref.service;
      if (ref.kind !== 'matrix') {
        item['pathId'] = ref.pathId;
        item['yearMonth'] = ref.month;
      }
      byItem.set(id, item);
    }
    item[ref.attr] = ((item[ref.attr] as number | undefined) ?? 0) + n;
  }
  return [...byItem.values()];
}

/** A source marker as the bulk writers store it (same shape as `applySourceContribution`'s). */
export function markerItem(
  sourcePk: string,
  sourceSk: string,
  contribution: Contribution,
  at: string,
): MarkerItem {
  return { ...keys.report.marker(sourcePk, sourceSk), entity: 'report-marker', contribution, at, v: 1 };
}
