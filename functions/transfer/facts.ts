import { nowIso } from '@parcours/domain/clock';
import { catalog } from '@parcours/domain/content/catalog';
import { ladderDefFor, questionnaire, transferSettings } from '@parcours/domain/content/transfer-content';
import { evaluationWindow } from '@parcours/domain/evaluations/window';
import {
  type Contributions,
  type Counters,
  deliveryContributions,
  groups,
  type ResponseFacts,
  responseContributions,
} from '@parcours/domain/transfer/aggregates';
import {
  type AttendanceCounts,
  buildDeliveryFact,
  type DeliveryFact,
  kindAt,
} from '@parcours/domain/transfer/delivery';
import type { LadderSnapshot } from '@parcours/domain/transfer/forecast';
import {
  certificationMap,
  type DeliveredFacilitation,
  deliveredFromFact,
  evaluateLadder,
  type LadderState,
  type SignOffRecord,
} from '@parcours/domain/transfer/ladder';
import { getSessionItem, listSessionEnrolments, type SessionItem } from '@parcours/store';
import { getAttendanceImport } from '@parcours/store/attendance-import';
import {
  type EvaluationResponseItem,
  ensureEvaluationWindow,
  getEvaluationResponse,
} from '@parcours/store/evaluation-repo';
import {
  deleteDelivered,
  getTrainer,
  getTrainers,
  listDelivered,
  listModuleSignOffs,
  listTrainerSignOffs,
  putDelivered,
  type TrainerItem,
} from '@parcours/store/trainer-repo';
import {
  deleteLadderSnapshot,
  getAggregates,
  getDeliveryFact,
  putDeliveryFact,
  putLadderSnapshot,
  replaceContribution,
} from '@parcours/store/transfer-repo';
import { facilitationStatement } from '@parcours/xapi/transfer-statements';
import { putStatementOnce, sessionRef } from './statements.ts';

/**
 * The derivations of the trainer transfer, shared by the stream projection (incremental), the rebuild and the API:
 * a completed session → its delivery fact, its facilitators' delivered records and its contribution to the mix
 * aggregates; a response → its contribution to the satisfaction aggregates; a (trainer, module) → its ladder.
 */

export type TrainerModule = { trainerId: string; moduleId: string };
const pairKey = (p: TrainerModule) => `${p.trainerId}|${p.moduleId}`;
export function uniquePairs(pairs: Iterable<TrainerModule>): TrainerModule[] {
  return [...new Map([...pairs].map((p) => [pairKey(p), p])).values()];
}

/** Attendance of a session: its enrolments' final statuses, plus counts imported for sessions run before Parcours. */
export async function attendanceOf(sessionId: string): Promise<AttendanceCounts> {
  const [enrolments, imported] = await Promise.all([
    listSessionEnrolments(sessionId),
    getAttendanceImport(sessionId),
  ]);
  const counts: AttendanceCounts = { attended: 0, partial: 0, noShow: 0 };
  for (const e of enrolments) {
    if (e.status === 'attended') counts.attended++;
    else if (e.status === 'partially-attended') counts.partial++;
    else if (e.status === 'no-show') counts.noShow++;
  }
  if (imported) {
    counts.attended += imported.attended;
    counts.partial += imported.partial;
    counts.noShow += imported.noShow;
  }
  return counts;
}

/**
 * Certification dates on a module. The module's sign-offs come from GSI1 (eventually consistent); those of the
 * trainers in `consistentFor` are re-read from their partitions, so a sign-off that just triggered a recomputation
 * is never missed.
 */
export async function certificationsFor(
  moduleId: string,
  consistentFor: readonly string[] = [],
  alreadyRead: ReadonlyMap<string, readonly SignOffRecord[]> = new Map(),
): Promise<Map<string, string>> {
  const [all, ...own] = await Promise.all([
    listModuleSignOffs(moduleId),
    ...consistentFor.map((t) => alreadyRead.get(t) ?? listTrainerSignOffs(t, moduleId)),
  ]);
  const consistent = new Set(consistentFor);
  const merged: SignOffRecord[] = [...all!.filter((s) => !consistent.has(s.trainerId)), ...own.flat()];
  return certificationMap(merged, ladderDefFor(moduleId));
}

/** The delivery fact of a completed session (`undefined` for any other status). */
export async function computeSessionFact(session: SessionItem): Promise<DeliveryFact | undefined> {
  if (session.status !== 'completed') return undefined;
  const ids = session.facilitators.map((f) => f.trainerId);
  const [trainers, certs, attendance] = await Promise.all([
    getTrainers(ids),
    certificationsFor(session.moduleId, ids),
    attendanceOf(session.id),
  ]);
  return buildDeliveryFact({
    session,
    facilitators: session.facilitators.map((f) => ({
      trainerId: f.trainerId,
      role: f.role,
      kind: kindAt(trainers.get(f.trainerId), session.start),
      certified: (certs.get(f.trainerId) ?? '\uffff') <= session.start,
    })),
    attendance,
    paths: catalog().paths,
    settings: transferSettings(),
  });
}

/**
 * Brings everything derived from one session up to date: fact, delivered records, evaluation window, facilitation
 * Statements, mix contribution. Returns the (trainer, module) pairs whose ladders may have changed.
 */
export async function recordSession(sessionId: string): Promise<TrainerModule[]> {
  const session = await getSessionItem(sessionId);
  const [fact, previous] = await Promise.all([
    session ? computeSessionFact(session) : Promise.resolve(undefined),
    getDeliveryFact(sessionId),
  ]);
  const now = nowIso();
  if (fact && session) {
    const ref = sessionRef(session);
    await Promise.all([
      putDeliveryFact(fact, now),
      ...fact.facilitators.map((f) =>
        putDelivered({
          ...deliveredFromFact(fact, f.trainerId)!,
          trainerId: f.trainerId,
          ...(fact.pathId ? { pathId: fact.pathId } : {}),
          siteId: fact.siteId,
          leadKind: fact.leadKind,
          kind: f.kind,
          updatedAt: now,
        }),
      ),
      ensureEvaluationWindow({
        ...evaluationWindow({ id: session.id, end: session.end }, questionnaire().windowDays),
        moduleId: session.moduleId,
      }),
      ...fact.facilitators.map((f) =>
        putStatementOnce(
          facilitationStatement({
            trainerId: f.trainerId,
            role: f.role,
            session: ref,
            leadKind: fact.leadKind,
            timestamp: session.end,
          }),
        ),
      ),
    ]);
  }
  // Facilitators no longer on the fact (or the whole fact, when the session is gone) lose their delivered record.
  const kept = new Set(fact?.facilitators.map((f) => f.trainerId) ?? []);
  for (const f of previous?.facilitators ?? []) {
    if (!kept.has(f.trainerId)) await deleteDelivered(f.trainerId, previous!.moduleId, sessionId);
  }
  let first = true;
  await replaceContribution(`session:${sessionId}`, async () => {
    if (first) {
      first = false;
      return fact ? deliveryContributions(fact) : {};
    }
    const s = await getSessionItem(sessionId);
    const f = s ? await computeSessionFact(s) : undefined;
    return f ? deliveryContributions(f) : {};
  });
  return uniquePairs([
    ...(fact?.facilitators ?? []).map((f) => ({ trainerId: f.trainerId, moduleId: fact!.moduleId })),
    ...(previous?.facilitators ?? []).map((f) => ({ trainerId: f.trainerId, moduleId: previous!.moduleId })),
  ]);
}

/** The aggregate view of a stored response. */
export function responseFacts(r: EvaluationResponseItem): ResponseFacts {
  return {
    sessionId: r.sessionId,
    moduleId: r.moduleId,
    pathIds: r.pathIds ?? (r.pathId ? [r.pathId] : []),
    siteId: r.siteId,
    sessionStart: r.sessionStart,
    quarter: r.quarter,
    leadKind: r.leadKind,
    overall: r.overall,
    recommend: r.recommend,
    objectives: r.objectives,
    facilitators: r.facilitators.map((f) => ({ trainerId: f.trainerId, role: f.role, rating: f.rating })),
  };
}

export function responseContributionsOf(r: EvaluationResponseItem | undefined): Contributions {
  return r ? responseContributions(responseFacts(r), questionnaire().ratedRoles) : {};
}

/** Brings a response's contribution up to date; returns the rated (trainer, module) pairs. */
export async function recordResponse(sessionId: string, responseId: string): Promise<TrainerModule[]> {
  let current: EvaluationResponseItem | undefined;
  await replaceContribution(`response:${sessionId}:${responseId}`, async () => {
    current = await getEvaluationResponse(sessionId, responseId);
    return responseContributionsOf(current);
  });
  const rated = questionnaire().ratedRoles;
  return (current?.facilitators ?? [])
    .filter((f) => rated.includes(f.role))
    .map((f) => ({ trainerId: f.trainerId, moduleId: current!.moduleId }));
}

// --- ladders ------------------------------------------------------------------------------------------------------

/** The pure ladder evaluation from its inputs (the API, the projection and the rebuild all end here). */
export function ladderFrom(input: {
  trainerId: string;
  moduleId: string;
  trainer: TrainerItem | undefined;
  delivered: readonly DeliveredFacilitation[];
  signOffs: readonly SignOffRecord[];
  rating: Counters | undefined;
  certifiedAt: ReadonlyMap<string, string>;
  now: string;
}): LadderState {
  return evaluateLadder({
    trainerId: input.trainerId,
    moduleId: input.moduleId,
    kind: kindAt(input.trainer, input.now),
    ladder: ladderDefFor(input.moduleId),
    facilitations: input.delivered,
    signOffs: input.signOffs,
    ratings: { sum: input.rating?.['facSum'] ?? 0, count: input.rating?.['facN'] ?? 0 },
    certifiedAt: input.certifiedAt,
    minShown: questionnaire().minResponsesShown,
  });
}

/** A trainer's ladder on one module, from the stored derived records (delivered facilitations, rating aggregate). */
export async function computeLadder(
  trainerId: string,
  moduleId: string,
  opts: { trainer?: TrainerItem | undefined; certs?: ReadonlyMap<string, string>; now?: string } = {},
): Promise<LadderState> {
  const now = opts.now ?? nowIso();
  const ownSignOffs = listTrainerSignOffs(trainerId, moduleId);
  const [trainer, delivered, signOffs, rating, certs] = await Promise.all([
    opts.trainer !== undefined ? Promise.resolve(opts.trainer) : getTrainer(trainerId),
    listDelivered(trainerId, moduleId),
    ownSignOffs,
    getAggregates([{ group: groups.satTrainerModule(trainerId), member: moduleId }]),
    opts.certs
      ? Promise.resolve(opts.certs)
      : ownSignOffs.then((own) => certificationsFor(moduleId, [trainerId], new Map([[trainerId, own]]))),
  ]);
  return ladderFrom({
    trainerId,
    moduleId,
    trainer,
    delivered,
    signOffs,
    rating: rating[`${groups.satTrainerModule(trainerId)}|${moduleId}`],
    certifiedAt: certs,
    now,
  });
}

export function snapshotOf(s: LadderState): LadderSnapshot {
  return {
    trainerId: s.trainerId,
    moduleId: s.moduleId,
    kind: s.kind,
    currentIndex: s.currentIndex,
    certified: s.certified,
    ...(s.certifiedAt ? { certifiedAt: s.certifiedAt } : {}),
    ...(s.lastProgressAt ? { lastProgressAt: s.lastProgressAt } : {}),
    awaitingSignOff: s.next?.awaitingSignOff ?? false,
    ...(s.next ? { nextStepId: s.next.stepId } : {}),
  };
}

/** A ladder with nothing behind it (no credited session, no sign-off) has no snapshot. */
export function hasSubstance(s: LadderState): boolean {
  return s.counts.credited > 0 || s.steps.some((x) => x.signOff);
}

export async function refreshLadderSnapshot(p: TrainerModule): Promise<void> {
  const state = await computeLadder(p.trainerId, p.moduleId);
  if (hasSubstance(state)) await putLadderSnapshot(snapshotOf(state), nowIso());
  else await deleteLadderSnapshot(p.moduleId, p.trainerId);
}

/** Sessions of a trainer on a module whose facts depend on their certification: recorded again after a sign-off. */
export async function deliveredSessions(trainerId: string, moduleId?: string): Promise<string[]> {
  return (await listDelivered(trainerId, moduleId)).map((d) => d.sessionId);
}
