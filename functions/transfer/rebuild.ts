import { nowIso } from '@parcours/domain/clock';
import { catalog } from '@parcours/domain/content/catalog';
import { ladderDefFor, transferSettings } from '@parcours/domain/content/transfer-content';
import {
  aggregateDifferences,
  type Contributions,
  deliveryContributions,
  groups,
  SAT_DIMENSIONS,
  splitAggId,
  sumContributions,
} from '@parcours/domain/transfer/aggregates';
import type { DeliveryFact } from '@parcours/domain/transfer/delivery';
import type { LadderSnapshot } from '@parcours/domain/transfer/forecast';
import { addMonths } from '@parcours/domain/transfer/kpi';
import { certificationMap, deliveredFromFact, type SignOffRecord } from '@parcours/domain/transfer/ladder';
import type { SessionItem } from '@parcours/store';
import { type EvaluationResponseItem, listEvaluationResponses } from '@parcours/store/evaluation-repo';
import { sessionsOfMonth } from '@parcours/store/session-item';
import { getTrainers, listModuleSignOffs, listTrainers } from '@parcours/store/trainer-repo';
import {
  getDeliveryFacts,
  putAggregate,
  readAggregateGroup,
  readLadderSnapshots,
} from '@parcours/store/transfer-repo';
import {
  computeSessionFact,
  hasSubstance,
  ladderFrom,
  recordResponse,
  recordSession,
  refreshLadderSnapshot,
  responseContributionsOf,
  snapshotOf,
  type TrainerModule,
  uniquePairs,
} from './facts.ts';

/**
 * Rebuild and verification of the trainer transfer's derived data (docs/transfer.md, "Rebuild"), from the source
 * records only: completed sessions (GSI3 month buckets from the programme start: Queries, no Scan), their enrolments
 * and imported attendance, the trainer registry, the sign-offs (GSI1 per module) and the evaluation responses (one
 * Query per session). The expected state is computed with the same functions as the stream projection.
 */

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Every completed session since the programme started (one GSI3 Query per month). */
export async function completedSessions(now: string): Promise<SessionItem[]> {
  const first = addMonths(transferSettings().programmeStart.slice(0, 7), -1);
  const last = now.slice(0, 7);
  const months: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) months.push(m);
  const lists = await mapLimit(months, 4, (m) => sessionsOfMonth(m, 'completed'));
  return lists.flat();
}

export interface ExpectedState {
  sessions: SessionItem[];
  facts: DeliveryFact[];
  responses: EvaluationResponseItem[];
  aggregates: Contributions;
  ladders: Map<string, LadderSnapshot>;
  pairs: TrainerModule[];
}

export async function expectedState(now: string): Promise<ExpectedState> {
  const sessions = await completedSessions(now);
  const facts = (await mapLimit(sessions, 8, computeSessionFact)).filter(
    (f): f is DeliveryFact => f !== undefined,
  );
  const responses = (await mapLimit(sessions, 8, (s) => listEvaluationResponses(s.id, true))).flat();
  const aggregates = sumContributions([
    ...facts.map(deliveryContributions),
    ...responses.map(responseContributionsOf),
  ]);

  const moduleIds = catalog().modules.map((m) => m.id);
  const signOffs = new Map<string, SignOffRecord[]>(
    await Promise.all(moduleIds.map(async (m) => [m, await listModuleSignOffs(m)] as const)),
  );
  const pairs = uniquePairs([
    ...facts.flatMap((f) => f.facilitators.map((x) => ({ trainerId: x.trainerId, moduleId: f.moduleId }))),
    ...[...signOffs.values()].flat().map((s) => ({ trainerId: s.trainerId, moduleId: s.moduleId })),
  ]);
  const trainers = await getTrainers([...new Set(pairs.map((p) => p.trainerId))]);
  const ladders = new Map<string, LadderSnapshot>();
  for (const p of pairs) {
    const moduleSignOffs = signOffs.get(p.moduleId) ?? [];
    const state = ladderFrom({
      trainerId: p.trainerId,
      moduleId: p.moduleId,
      trainer: trainers.get(p.trainerId),
      delivered: facts
        .filter((f) => f.moduleId === p.moduleId)
        .map((f) => deliveredFromFact(f, p.trainerId))
        .filter((d) => d !== undefined),
      signOffs: moduleSignOffs.filter((s) => s.trainerId === p.trainerId),
      rating: aggregates[`${groups.satTrainerModule(p.trainerId)}|${p.moduleId}`],
      certifiedAt: certificationMap(moduleSignOffs, ladderDefFor(p.moduleId)),
      now,
    });
    if (hasSubstance(state)) ladders.set(`${p.moduleId}|${p.trainerId}`, snapshotOf(state));
  }
  return { sessions, facts, responses, aggregates, ladders, pairs };
}

/** Groups to read back: those expected, plus every group a module, path, dimension or known trainer can have. */
async function storedAggregates(
  expected: Contributions,
  trainerIds: readonly string[],
): Promise<Contributions> {
  const c = catalog();
  const known = new Set<string>([
    ...Object.keys(expected).map((id) => splitAggId(id).group),
    groups.mixAll,
    ...c.modules.flatMap((m) => [
      groups.mixModule(m.id),
      groups.satSessions(m.id),
      groups.satModuleLeadKind(m.id),
    ]),
    ...c.paths.map((p) => groups.mixPath(p.id)),
    ...SAT_DIMENSIONS.map((d) => groups.satBy(d)),
    ...trainerIds.map((t) => groups.satTrainerModule(t)),
  ]);
  const out: Contributions = {};
  await mapLimit([...known], 8, async (g) => {
    for (const [member, counters] of Object.entries(await readAggregateGroup(g)))
      out[`${g}|${member}`] = counters;
  });
  return out;
}

function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.entries(v as Record<string, unknown>)
      .filter(([k, x]) => x !== undefined && !['pk', 'sk', 'entity', 'updatedAt'].includes(k))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, x]) => `${JSON.stringify(k)}:${stable(x)}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export interface Verification {
  ok: boolean;
  sources: { sessions: number; responses: number; ladders: number };
  differences: { id: string; expected: unknown; actual: unknown }[];
}

/** Compares the stored derived data with a recomputation from the sources (read-only). */
export async function verifyTransferData(now = nowIso(), maxDifferences = 50): Promise<Verification> {
  const exp = await expectedState(now);
  const registry = await listTrainers();
  const trainerIds = [
    ...new Set([...exp.pairs.map((p) => p.trainerId), ...registry.map((t) => t.trainerId)]),
  ];
  const differences: Verification['differences'] = [];

  const actual = await storedAggregates(exp.aggregates, trainerIds);
  for (const d of aggregateDifferences(exp.aggregates, actual))
    differences.push({ id: `aggregate|${d.id}`, expected: d.expected, actual: d.actual });

  const storedFacts = new Map(
    (await getDeliveryFacts(exp.facts.map((f) => f.sessionId))).map((f) => [f.sessionId, f]),
  );
  for (const f of exp.facts) {
    const s = storedFacts.get(f.sessionId);
    if (!s || stable(s) !== stable(f))
      differences.push({ id: `fact|${f.sessionId}`, expected: f, actual: s });
  }

  for (const m of catalog().modules.map((x) => x.id)) {
    const stored = new Map((await readLadderSnapshots(m)).map((s) => [`${m}|${s.trainerId}`, s]));
    const keysToCheck = new Set([
      ...stored.keys(),
      ...[...exp.ladders.keys()].filter((k) => k.startsWith(`${m}|`)),
    ]);
    for (const k of keysToCheck) {
      const e = exp.ladders.get(k);
      const a = stored.get(k);
      if (stable(e) !== stable(a)) differences.push({ id: `ladder|${k}`, expected: e, actual: a });
    }
  }
  return {
    ok: differences.length === 0,
    sources: { sessions: exp.sessions.length, responses: exp.responses.length, ladders: exp.ladders.size },
    differences: differences.slice(0, maxDifferences),
  };
}

/**
 * Rebuilds the derived data: every source is re-applied through the incremental path (safe alongside the stream:
 * each application replaces one source's contribution under a version check), every ladder snapshot refreshed,
 * then any aggregate still differing from the recomputation (a total no source explains, e.g. a deleted or edited
 * aggregate item) is overwritten. That last step assumes no writes meanwhile: run it when the programme is quiet,
 * and run the verification after.
 */
export async function rebuildTransferData(
  opts: { now?: string; log?: (m: string) => void } = {},
): Promise<Verification> {
  const now = opts.now ?? nowIso();
  const log = opts.log ?? (() => undefined);
  const exp = await expectedState(now);
  log(`sources: ${exp.sessions.length} completed sessions, ${exp.responses.length} responses`);
  const pairs: TrainerModule[] = [...exp.pairs];
  await mapLimit(exp.sessions, 4, async (s) => pairs.push(...(await recordSession(s.id))));
  await mapLimit(exp.responses, 4, async (r) =>
    pairs.push(...(await recordResponse(r.sessionId, r.responseId))),
  );
  for (const m of catalog().modules.map((x) => x.id)) {
    for (const s of await readLadderSnapshots(m)) pairs.push({ trainerId: s.trainerId, moduleId: m });
  }
  const unique = uniquePairs(pairs);
  await mapLimit(unique, 4, refreshLadderSnapshot);
  log(`re-applied every source; ${unique.length} ladders refreshed`);

  let check = await verifyTransferData(now, Number.POSITIVE_INFINITY);
  const aggregateFixes = check.differences.filter((d) => d.id.startsWith('aggregate|'));
  if (aggregateFixes.length) {
    const fresh = await expectedState(now);
    for (const d of aggregateFixes) {
      const id = d.id.slice('aggregate|'.length);
      const want =
        fresh.aggregates[id] ??
        Object.fromEntries(Object.keys((d.actual as Record<string, number>) ?? {}).map((k) => [k, 0]));
      await putAggregate(id, want);
    }
    log(`overwrote ${aggregateFixes.length} aggregates no source explained`);
    check = await verifyTransferData(now);
  }
  return { ...check, differences: check.differences.slice(0, 50) };
}
