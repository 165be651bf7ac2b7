import { nowIso } from '@parcours/domain/clock';
import {
  type Contributions,
  type Counters,
  diffContributions,
  splitAggId,
} from '@parcours/domain/transfer/aggregates';
import type { DeliveryFact } from '@parcours/domain/transfer/delivery';
import type { LadderSnapshot } from '@parcours/domain/transfer/forecast';
import type { Entity } from './entities.ts';
import {
  batchGet,
  get,
  type Item,
  LIMITS,
  type NativeAttributeValue,
  put,
  queryAll,
  remove,
  type TaggedOp,
  transactWrite,
} from './gateway.ts';
import { keys } from './keys.ts';
import { RETRY, withOptimisticRetry } from './optimistic.ts';

/**
 * Derived data of the trainer transfer (docs/transfer.md, "Aggregates"): aggregates maintained from the stream by
 * replacing one source's contribution at a time, the per-source markers that make it idempotent, session delivery
 * facts and ladder snapshots.
 *
 * Replacing a contribution = read the source's marker (`agg-source#<source>` / `applied`: version + what it
 * contributes now), compute the new contribution from the source's current state, and in ONE transaction: ADD the
 * difference to every aggregate it touches, and write the marker, conditioned on the version read. A replayed
 * stream record computes the same contribution: the difference is empty and nothing changes (idempotent); two
 * concurrent replacements of the same source cannot both commit (the loser re-reads and retries).
 */

const COUNTER_PREFIX = 'v_';

interface AppliedItem {
  pk: string;
  sk: 'applied';
  entity: Extract<Entity, 'transfer-applied'>;
  source: string;
  ver: number;
  /** JSON of the Contributions. */
  contributions: string;
  updatedAt: string;
}

async function getApplied(
  source: string,
): Promise<{ ver: number; contributions: Contributions } | undefined> {
  const item = await get<AppliedItem>({ Key: keys.transfer.applied(source), ConsistentRead: true });
  return item ? { ver: item.ver, contributions: JSON.parse(item.contributions) as Contributions } : undefined;
}

/** What an op of a contribution's transaction writes: the source's marker, or one aggregate (by aggId). */
type ContributionTag = { kind: 'marker' } | { kind: 'aggregate'; id: string };

function aggregateAddOp(id: string, delta: Counters, now: string): TaggedOp<ContributionTag> {
  const { group, member } = splitAggId(id);
  const names: Record<string, string> = { '#e': 'entity', '#g': 'group', '#m': 'member', '#u': 'updatedAt' };
  const values: Record<string, NativeAttributeValue> = {
    ':e': 'transfer-aggregate',
    ':g': group,
    ':m': member,
    ':u': now,
  };
  const adds: string[] = [];
  Object.entries(delta).forEach(([k, v], i) => {
    names[`#c${i}`] = `${COUNTER_PREFIX}${k}`;
    values[`:c${i}`] = v;
    adds.push(`#c${i} :c${i}`);
  });
  return {
    tag: { kind: 'aggregate', id },
    op: {
      Update: {
        Key: keys.transfer.aggregate(group, member),
        UpdateExpression: `SET #e = :e, #g = :g, #m = :m, #u = :u ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
  };
}

/**
 * Replaces what `source` contributes to the aggregates with `compute()` (called again after a concurrent change).
 * Returns the difference applied.
 */
export async function replaceContribution(
  source: string,
  compute: () => Promise<Contributions>,
): Promise<Contributions> {
  const attempt = async (): Promise<Contributions | typeof RETRY> => {
    const prev = await getApplied(source);
    const next = await compute();
    const delta = diffContributions(prev?.contributions ?? {}, next);
    if (prev && Object.keys(delta).length === 0) return delta;
    const now = nowIso();
    const marker: AppliedItem = {
      ...keys.transfer.applied(source),
      sk: 'applied',
      entity: 'transfer-applied',
      source,
      ver: (prev?.ver ?? 0) + 1,
      contributions: JSON.stringify(next),
      updatedAt: now,
    };
    const ops: TaggedOp<ContributionTag>[] = [
      {
        tag: { kind: 'marker' },
        op: {
          Put: {
            Item: marker,
            ConditionExpression: prev ? '#ver = :ver' : 'attribute_not_exists(pk)',
            ...(prev
              ? {
                  ExpressionAttributeNames: { '#ver': 'ver' },
                  ExpressionAttributeValues: { ':ver': prev.ver },
                }
              : {}),
          },
        },
      },
      ...Object.entries(delta).map(([id, d]) => aggregateAddOp(id, d, now)),
    ];
    if (ops.length > LIMITS.transaction) {
      throw new Error(
        `contribution of ${source} touches ${ops.length - 1} aggregates (max ${LIMITS.transaction - 1})`,
      );
    }
    const outcome = await transactWrite(ops);
    if (outcome.ok) return delta;
    // Another replacement of the same source committed since our read (or contention outlasted the gateway's
    // retries): read the marker again and recompute.
    if (outcome.transient || outcome.failures.some((f) => f.tag.kind === 'marker')) return RETRY;
    throw new Error(
      `could not apply the contribution of ${source}: ${outcome.failures.map((f) => f.code).join(', ')}`,
    );
  };
  return withOptimisticRetry(attempt, {
    onExhausted: () => new Error(`could not apply the contribution of ${source}: too much contention`),
  });
}

function countersOf(item: Item): Counters {
  const c: Counters = {};
  for (const [k, v] of Object.entries(item))
    if (k.startsWith(COUNTER_PREFIX) && typeof v === 'number') c[k.slice(COUNTER_PREFIX.length)] = v;
  return c;
}

/** Every member of an aggregate group (one Query), optionally those whose member starts with a prefix. */
export async function readAggregateGroup(group: string, prefix?: string): Promise<Record<string, Counters>> {
  const items = await queryAll({
    KeyConditionExpression: prefix ? '#pk = :pk AND begins_with(#sk, :p)' : '#pk = :pk',
    ExpressionAttributeNames: prefix ? { '#pk': 'pk', '#sk': 'sk' } : { '#pk': 'pk' },
    ExpressionAttributeValues: {
      ':pk': keys.transfer.aggregatePartition(group),
      ...(prefix ? { ':p': prefix } : {}),
    },
  });
  const out: Record<string, Counters> = {};
  for (const i of items) out[String(i['sk'])] = countersOf(i);
  return out;
}

/** Given aggregates (BatchGet), by aggId. */
export async function getAggregates(
  ids: readonly { group: string; member: string }[],
): Promise<Record<string, Counters>> {
  const items = await batchGet(ids.map((x) => keys.transfer.aggregate(x.group, x.member)));
  const out: Record<string, Counters> = {};
  for (const i of items) out[`${String(i['group'])}|${String(i['member'])}`] = countersOf(i);
  return out;
}

/** Overwrites one aggregate (the rebuild's last resort for totals no marker explains). */
export async function putAggregate(id: string, counters: Counters): Promise<void> {
  const { group, member } = splitAggId(id);
  const item: Item = {
    ...keys.transfer.aggregate(group, member),
    entity: 'transfer-aggregate',
    group,
    member,
    updatedAt: nowIso(),
  };
  for (const [k, v] of Object.entries(counters)) item[`${COUNTER_PREFIX}${k}`] = v;
  await put({ Item: item });
}

// --- delivery facts --------------------------------------------------------------------------------------------

export type DeliveryFactItem = DeliveryFact & {
  pk: string;
  sk: 'delivery';
  entity: Extract<Entity, 'delivery-fact'>;
  updatedAt: string;
};

export async function putDeliveryFact(fact: DeliveryFact, now: string): Promise<void> {
  await put({
    Item: { ...keys.transfer.deliveryFact(fact.sessionId), entity: 'delivery-fact', ...fact, updatedAt: now },
  });
}

export async function getDeliveryFact(sessionId: string): Promise<DeliveryFactItem | undefined> {
  return get<DeliveryFactItem>({ Key: keys.transfer.deliveryFact(sessionId), ConsistentRead: true });
}

export async function getDeliveryFacts(sessionIds: readonly string[]): Promise<DeliveryFactItem[]> {
  return batchGet<DeliveryFactItem>(sessionIds.map((s) => keys.transfer.deliveryFact(s)));
}

// --- staffing overrides ---------------------------------------------------------------------------------------

export interface StaffingOverride {
  sessionId: string;
  code: 'no-certified-lead';
  by: string;
  at: string;
  reason?: string;
}

export async function getStaffingOverride(sessionId: string): Promise<StaffingOverride | undefined> {
  const i = await get({ Key: keys.transfer.staffingOverride(sessionId), ConsistentRead: true });
  return i
    ? {
        sessionId,
        code: 'no-certified-lead',
        by: String(i['by']),
        at: String(i['at']),
        ...(i['reason'] ? { reason: String(i['reason']) } : {}),
      }
    : undefined;
}

export async function putStaffingOverride(o: StaffingOverride): Promise<void> {
  await put({ Item: { ...keys.transfer.staffingOverride(o.sessionId), entity: 'staffing-override', ...o } });
}

// --- ladder snapshots -----------------------------------------------------------------------------------------

export async function putLadderSnapshot(s: LadderSnapshot, now: string): Promise<void> {
  await put({
    Item: {
      ...keys.transfer.ladderSnapshot(s.moduleId, s.trainerId),
      entity: 'ladder-snapshot',
      ...s,
      updatedAt: now,
    },
  });
}

export async function deleteLadderSnapshot(moduleId: string, trainerId: string): Promise<void> {
  await remove({ Key: keys.transfer.ladderSnapshot(moduleId, trainerId) });
}

export async function readLadderSnapshots(moduleId: string): Promise<LadderSnapshot[]> {
  const items = await queryAll<LadderSnapshot & { updatedAt: string }>({
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': 'pk' },
    ExpressionAttributeValues: { ':pk': keys.transfer.ladderPartition(moduleId) },
  });
  return items.map((i) => ({
    trainerId: i.trainerId,
    moduleId: i.moduleId,
    kind: i.kind,
    currentIndex: i.currentIndex,
    certified: i.certified,
    ...(i.certifiedAt ? { certifiedAt: i.certifiedAt } : {}),
    ...(i.lastProgressAt ? { lastProgressAt: i.lastProgressAt } : {}),
    ...(i.awaitingSignOff !== undefined ? { awaitingSignOff: i.awaitingSignOff } : {}),
    ...(i.nextStepId ? { nextStepId: i.nextStepId } : {}),
  }));
}
