import type { EnrolmentStatus } from '@parcours/domain/api/sessions-api';
import type { AgentDetail, Listing, ListingEntry } from '@parcours/domain/reports/agent-model';
import type { AgentSources } from '@parcours/domain/reports/agent-report';
import { type Contribution, diffContributions } from '@parcours/domain/reports/contributions';
import type { Entity } from './entities.ts';
import { get, queryPartition, type TaggedOp, transactWrite } from './gateway.ts';
import { keys } from './keys.ts';
import { type ListingOp, planListingWrites } from './report-blocks.ts';
import { counterUpdates } from './report-counters.ts';

/**
 * The agent's precomputed report row (`report-agent#<learnerId>` / `row`): detail (JSON), list line, where the line
 * sits in the listings, and what the agent contributes to the counters. Not indexed: the listings are index blocks.
 */
export interface AgentRowItem {
  pk: string;
  sk: 'row';
  entity: 'report-agent';
  learnerId: string;
  service: string;
  /** Version: the projection's writes are conditional on the one read. */
  v: number;
  /** Hash of what was computed: an identical recomputation writes nothing. */
  h: string;
  detail: string;
  line: string;
  entries: [scope: string, listing: Listing, key: string][];
  contribution: Contribution;
  updatedAt: string;
}

export interface NextAgentRow {
  detail: AgentDetail;
  line: string;
  entries: ListingEntry[];
  contribution: Contribution;
  hash: string;
}

/** Everything the report needs from the learner's partition: one strongly consistent Query. */
export async function readAgentSources(learnerId: string): Promise<AgentSources> {
  const src: AgentSources = { learnerId, bookings: [], completions: [], paths: [] };
  for (const it of await queryPartition(keys.user.partition(learnerId))) {
    switch (it['entity'] as Entity) {
      case 'user-profile':
        src.profile = {
          ...(typeof it['displayName'] === 'string' ? { displayName: it['displayName'] } : {}),
          ...(typeof it['email'] === 'string' ? { email: it['email'] } : {}),
          ...(typeof it['service'] === 'string' ? { service: it['service'] } : {}),
        };
        break;
      case 'booking':
        src.bookings.push({
          sessionId: String(it['sessionId']),
          moduleId: String(it['moduleId']),
          ...(typeof it['pathId'] === 'string' ? { pathId: it['pathId'] } : {}),
          status: it['status'] as EnrolmentStatus,
          start: String(it['start']),
          end: String(it['end']),
          createdAt: String(it['createdAt'] ?? it['start']),
        });
        break;
      case 'completion':
        src.completions.push({
          moduleId: String(it['moduleId']),
          sessionId: String(it['sessionId']),
          completedAt: String(it['completedAt']),
          ...(typeof it['learnerService'] === 'string' ? { learnerService: it['learnerService'] } : {}),
        });
        break;
      case 'path-membership':
        src.paths.push({ pathId: String(it['pathId']), joinedAt: String(it['joinedAt']) });
        break;
    }
  }
  return src;
}

export function getAgentRow(learnerId: string, consistent = true): Promise<AgentRowItem | undefined> {
  return get<AgentRowItem>({ Key: keys.report.agentRow(learnerId), ConsistentRead: consistent });
}

/** The stored form of a computed row (the projection's commit and the bulk writers). */
export function agentRowItem(learnerId: string, next: NextAgentRow, v: number, now: string): AgentRowItem {
  return {
    ...keys.report.agentRow(learnerId),
    sk: 'row',
    entity: 'report-agent',
    learnerId,
    service: next.detail.service,
    v,
    h: next.hash,
    detail: JSON.stringify(next.detail),
    line: next.line,
    entries: next.entries.map((e) => [e.scope, e.listing, e.key]),
    contribution: next.contribution,
    updatedAt: now,
  };
}

const listingPkOf = (scope: string, listing: Listing) => keys.report.listing(scope, listing);

/** How the agent's line moves between listings: leave the old positions, take the new ones. */
function listingOps(
  stored: Pick<AgentRowItem, 'entries' | 'line'> | undefined,
  next: Pick<NextAgentRow, 'entries' | 'line'> | undefined,
): ListingOp[] {
  const before = new Map(
    (stored?.entries ?? []).map(([scope, listing, key]) => [listingPkOf(scope, listing), key]),
  );
  const after = new Map((next?.entries ?? []).map((e) => [listingPkOf(e.scope, e.listing), e.key]));
  const ops: ListingOp[] = [];
  for (const pk of new Set([...before.keys(), ...after.keys()])) {
    const oldKey = before.get(pk);
    const newKey = after.get(pk);
    if (newKey !== undefined && next) {
      if (oldKey === newKey && stored?.line === next.line) continue;
      ops.push({
        listingPk: pk,
        ...(oldKey !== undefined && oldKey !== newKey ? { remove: oldKey } : {}),
        put: { key: newKey, line: next.line },
      });
    } else if (oldKey !== undefined) ops.push({ listingPk: pk, remove: oldKey });
  }
  return ops;
}

/**
 * Writes an agent's new report (or removes it) in one transaction: the row (conditional on the version read),
 * the listing blocks it leaves and joins (conditional on theirs), and the counter deltas. Returns false when a
 * condition failed or the transaction conflicted: re-read and recompute.
 */
export async function commitAgentRow(
  learnerId: string,
  stored: AgentRowItem | undefined,
  next: NextAgentRow | undefined,
  now: string,
  opts: {
    /**
     * The person's erasure subject hash (`erasureSubjectHash`): the transaction also requires that no erasure
     * record exists for them, so a recomputation racing an erasure cannot write their row back.
     */
    unlessErased?: string;
  } = {},
): Promise<boolean> {
  const key = keys.report.agentRow(learnerId);
  const guard = stored
    ? { ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': stored.v } }
    : { ConditionExpression: 'attribute_not_exists(pk)' };
  const ops: TaggedOp<string>[] = [];
  if (next) {
    ops.push({
      tag: 'row',
      op: { Put: { Item: agentRowItem(learnerId, next, (stored?.v ?? 0) + 1, now), ...guard } },
    });
  } else if (stored) {
    ops.push({ tag: 'row', op: { Delete: { Key: key, ...guard } } });
  } else return true;
  if (opts.unlessErased !== undefined) {
    ops.push({
      tag: 'not-erased',
      op: {
        ConditionCheck: {
          Key: keys.erasure.record(opts.unlessErased),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    });
  }
  const blockItems = await planListingWrites(listingOps(stored, next), now);
  ops.push(...blockItems.map((op, i) => ({ tag: `block-${i}`, op })));
  ops.push(...counterUpdates(diffContributions(stored?.contribution, next?.contribution), now));
  const outcome = await transactWrite(ops);
  return outcome.ok;
}

/**
 * Removes an erased person's report (docs/data-protection.md): the row and their lines in every listing they sit
 * in (the same block writes as any change of an agent's row), in one transaction conditional on the versions read.
 * Their contribution to the counters is NOT subtracted (the aggregates stay as they were): it is recorded on the
 * erasure record instead (which must exist), where the full rebuild finds it. Returns false when a condition
 * failed or the transaction conflicted: re-read and try again.
 */
export async function removeErasedAgentRow(
  learnerId: string,
  stored: AgentRowItem,
  subjectHash: string,
  now: string,
): Promise<boolean> {
  const ops: TaggedOp<string>[] = [
    {
      tag: 'row',
      op: {
        Delete: {
          Key: keys.report.agentRow(learnerId),
          ConditionExpression: 'v = :v',
          ExpressionAttributeValues: { ':v': stored.v },
        },
      },
    },
    {
      // The counters hold exactly the contribution of the row being removed (a row written by a full rebuild that
      // missed the erasure replaces whatever was recorded before: that rebuild recounted without it).
      tag: 'erasure',
      op: {
        Update: {
          Key: keys.erasure.record(subjectHash),
          UpdateExpression: 'SET reportContribution = :c, updatedAt = :now',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':c': stored.contribution ?? {}, ':now': now },
        },
      },
    },
  ];
  const blockItems = await planListingWrites(listingOps(stored, undefined), now);
  ops.push(...blockItems.map((op, i) => ({ tag: `block-${i}`, op })));
  const outcome = await transactWrite(ops);
  return outcome.ok;
}
