import { ACTIVE_ENROLMENT_STATUSES } from '@parcours/domain/api/sessions-api';
import { nowIso } from '@parcours/domain/clock';
import { catalog } from '@parcours/domain/content/catalog';
import { forbidden, invalid, notFound } from '@parcours/domain/errors';
import { checkEnrolmentAllowed, checkLearnerMayCancel } from '@parcours/domain/lms/enrolment-rules';
import { hasRole, type Principal } from '@parcours/domain/roles';
import {
  cancelEnrolment,
  type EnrolmentItem,
  enrol,
  findEnrolmentById,
  getEnrolment,
  getSessionItem,
  type LearnerState,
  readLearnerState,
  waitlistPosition,
} from '@parcours/store';
import { readSeatState, takeTicket } from '@parcours/store/enrolment-repo';
import { ensureProfileFromClaims, getProfile } from '@parcours/store/profile-repo';
import { lmsStatementItems } from './lms-statements.ts';

const DEFAULT_CUTOFF_HOURS = 48;

function moduleOf(moduleId: string) {
  const m = catalog().modules.find((x) => x.id === moduleId);
  if (!m) throw notFound('module', moduleId);
  return m;
}

function checkRules(
  state: LearnerState,
  session: Parameters<typeof checkEnrolmentAllowed>[0]['session'],
  now: string,
) {
  checkEnrolmentAllowed({
    session,
    module: moduleOf(session.moduleId),
    bookings: state.bookings.map((b) => ({ ...b })),
    completedModuleIds: new Set(state.completions.map((c) => c.moduleId)),
    now,
  });
}

export async function withPosition(e: EnrolmentItem) {
  return e.status === 'waitlisted' ? waitlistPosition(e.sessionId, e.ticket) : undefined;
}

/** Learners enrol themselves; the lab enrols anyone (`learnerId`). */
export async function enrolLearner(
  principal: Principal,
  sessionId: string,
  body: { learnerId?: string | undefined; pathId?: string | undefined },
) {
  const isLab = hasRole(principal, 'lab');
  const learnerId = body.learnerId ?? principal.userId;
  if (learnerId !== principal.userId && !isLab)
    throw forbidden('Learners can only enrol themselves', 'not-your-enrolment');
  if (!body.learnerId && !hasRole(principal, 'learner'))
    throw invalid('learner-id-required', 'Give the learnerId to enrol');
  if (body.pathId && !catalog().paths.some((p) => p.id === body.pathId))
    throw invalid('unknown-path', `Unknown path '${body.pathId}'`);

  const seats = await readSeatState(sessionId);
  if (!seats) throw notFound('session', sessionId);
  const { session } = seats;
  if (body.pathId) {
    const path = catalog().paths.find((p) => p.id === body.pathId)!;
    const inPath = [path.entryModuleId, ...path.electiveModuleIds, path.coachModuleId].includes(
      session.moduleId,
    );
    if (!inPath)
      throw invalid(
        'module-not-in-path',
        `Module '${session.moduleId}' is not part of path '${body.pathId}'`,
      );
  }
  const now = nowIso();
  // Independent reads in parallel, and the arrival ticket with them (a request refused by the rules below leaves a
  // gap in the tickets, which only order the queue). The learner's service comes from their identity
  // (self-enrolment) or their profile (enrolled by the lab).
  const [profile, state, ticket] = await Promise.all([
    learnerId === principal.userId ? ensureProfileFromClaims(principal, { now }) : getProfile(learnerId),
    readLearnerState(learnerId),
    takeTicket(sessionId),
  ]);
  // An active enrolment in this very session is a retry: answer with it instead of a rule violation.
  const mine = state.bookings.some(
    (b) => b.sessionId === sessionId && ACTIVE_ENROLMENT_STATUSES.includes(b.status),
  );
  if (!mine) checkRules(state, session, now);

  const outcome = await enrol({
    session,
    learnerId,
    arrival: { ticket, ticketsIssued: seats.ticketsIssued },
    current: mine ? await getEnrolment(sessionId, learnerId) : undefined,
    ...(body.pathId ? { pathId: body.pathId } : {}),
    learnerService: profile?.service,
    actorId: principal.userId,
    now,
    lockVersion: state.lockVersion,
    recheck: async () => {
      const fresh = await readLearnerState(learnerId);
      checkRules(fresh, session, nowIso());
      return fresh.lockVersion;
    },
    extraItems: (e) =>
      lmsStatementItems(e.status === 'enrolled' ? 'registered' : 'waitlisted', e, session, now),
  });
  return { ...outcome, position: await withPosition(outcome.enrolment) };
}

export async function cancelLearnerEnrolment(principal: Principal, enrolmentId: string) {
  const e = await findEnrolmentById(enrolmentId);
  if (!e) throw notFound('enrolment', enrolmentId);
  const isLab = hasRole(principal, 'lab');
  if (e.learnerId !== principal.userId && !isLab)
    throw forbidden('This enrolment is not yours', 'not-your-enrolment');
  const session = await getSessionItem(e.sessionId);
  if (!session) throw notFound('session', e.sessionId);
  if (e.status === 'enrolled' || e.status === 'waitlisted') {
    const pathId = e.pathId ?? session.pathId;
    const cutoffHours =
      catalog().paths.find((p) => p.id === pathId)?.cancellationCutoffHours ?? DEFAULT_CUTOFF_HOURS;
    checkLearnerMayCancel({ sessionStart: session.start, cutoffHours, now: nowIso(), isLab });
  }
  const now = nowIso();
  return cancelEnrolment({
    sessionId: e.sessionId,
    learnerId: e.learnerId,
    actorId: principal.userId,
    now,
    extraItems: (cancelled, promoted) => [
      ...lmsStatementItems('unregistered', cancelled, session, now),
      ...(promoted ? lmsStatementItems('registered', promoted, session, now) : []),
    ],
  });
}
