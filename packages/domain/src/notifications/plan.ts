import type { EnrolmentStatus, Facilitator, SessionStatus } from '../api/sessions-api.ts';
import type { NotificationSettings } from '../content/notification-settings.ts';
import {
  addMs,
  type NotificationDraft,
  type NotificationKind,
  type NotificationSubject,
  notificationId,
} from './model.ts';

/**
 * Pure planning: from one change of an enrolment or a session (the stream record's old and new images), which
 * notifications to create and which pending ones to cancel. The projection does the reads and writes; everything
 * decided here is a function of its inputs, so a replayed record plans exactly the same ids.
 */

export interface EnrolmentFacts {
  id: string;
  sessionId: string;
  learnerId: string;
  status: EnrolmentStatus;
  createdAt: string;
  updatedAt: string;
}

export interface SessionFacts {
  id: string;
  start: string;
  end: string;
  status: SessionStatus;
  version: number;
  facilitators: Facilitator[];
  createdAt: string;
  updatedAt: string;
}

/** Which pending notifications to cancel; `only` narrows it (e.g. reminders planned for the old times). */
export interface CancelRequest {
  subject: NotificationSubject;
  reason: string;
  only?: (
    n: Pick<NotificationDraft, 'kind' | 'sessionStart' | 'sessionEnd' | 'recipientId' | 'evaluationClosesAt'>,
  ) => boolean;
}

export interface NotificationPlan {
  create: NotificationDraft[];
  /** Applied before `create`; never cancels an id that `create` lists (replays stay idempotent). */
  cancel: CancelRequest[];
}

type ReminderSettings = Pick<NotificationSettings, 'learnerReminders'>;
type EvaluationSettings = Pick<NotificationSettings, 'evaluationReminderBeforeClose'>;
/** The session's evaluation window as it stands (the stored one, or the default from the session's end). */
export interface WindowFacts {
  opensAt: string;
  closesAt: string;
}
type TrainerSettings = Pick<NotificationSettings, 'trainerUpcomingFacilitation' | 'trainerAttendancePending'>;

const enrolmentSubject = (enrolmentId: string): NotificationSubject => ({ type: 'enrolment', enrolmentId });
const trainersSubject = (sessionId: string): NotificationSubject => ({ type: 'session-trainers', sessionId });

function learnerDraft(
  e: Pick<EnrolmentFacts, 'id' | 'sessionId' | 'learnerId'>,
  kind: NotificationKind,
  times: { start: string; end: string },
  at: string,
  extra: Partial<NotificationDraft> & { generation?: string } = {},
): NotificationDraft {
  const generation = extra.generation ?? '';
  return {
    id: notificationId('enrolment', e.id, kind, extra.offsetMs ?? '', generation),
    kind,
    subject: enrolmentSubject(e.id),
    recipientId: e.learnerId,
    recipientRole: 'learner',
    sessionId: e.sessionId,
    enrolmentId: e.id,
    dueAt: at,
    sessionStart: times.start,
    sessionEnd: times.end,
    createdAt: at,
    ...extra,
    generation,
  };
}

/** Reminders at each configured offset before the start, except those already in the past at `at`. */
export function reminderDrafts(
  e: Pick<EnrolmentFacts, 'id' | 'sessionId' | 'learnerId'>,
  times: { start: string; end: string },
  at: string,
  generation: string,
  settings: ReminderSettings,
): NotificationDraft[] {
  const out: NotificationDraft[] = [];
  for (const offsetMs of settings.learnerReminders) {
    const due = addMs(times.start, -offsetMs);
    if (due <= at) continue; // too late for this one: the confirmation or the move notice just told them
    out.push(learnerDraft(e, 'session-reminder', times, at, { offsetMs, generation, dueAt: due }));
  }
  return out;
}

/** Messages to the facilitators of a scheduled session: "upcoming facilitation", "attendance not yet taken". */
export function trainerDrafts(s: SessionFacts, at: string, settings: TrainerSettings): NotificationDraft[] {
  if (s.status !== 'scheduled') return [];
  const generation = `v${s.version}`;
  const out: NotificationDraft[] = [];
  for (const f of s.facilitators) {
    const base = {
      subject: trainersSubject(s.id),
      recipientId: f.trainerId,
      recipientRole: 'trainer' as const,
      sessionId: s.id,
      trainerRole: f.role,
      sessionStart: s.start,
      sessionEnd: s.end,
      generation,
      createdAt: at,
    };
    if (at < s.start) {
      // Late assignments (inside the window) are told at once rather than never.
      const due = addMs(s.start, -settings.trainerUpcomingFacilitation);
      out.push({
        ...base,
        id: notificationId('trainer', s.id, f.trainerId, 'trainer-upcoming-facilitation', generation),
        kind: 'trainer-upcoming-facilitation',
        dueAt: due > at ? due : at,
      });
    }
    if (settings.trainerAttendancePending.roles.includes(f.role)) {
      out.push({
        ...base,
        id: notificationId('trainer', s.id, f.trainerId, 'trainer-attendance-pending', generation),
        kind: 'trainer-attendance-pending',
        dueAt: addMs(s.end, settings.trainerAttendancePending.afterEnd),
      });
    }
  }
  return out;
}

const isActive = (s: EnrolmentStatus) => s === 'enrolled' || s === 'waitlisted';

/**
 * An enrolment changed. `session` is the session's current state (read by the projection): reminders are planned
 * for where the session is now, whatever the enrolment's own copy of the times says.
 */
export function planEnrolmentChange(
  change: { eventName: 'INSERT' | 'MODIFY' | 'REMOVE'; old?: EnrolmentFacts; new?: EnrolmentFacts },
  session: Pick<SessionFacts, 'start' | 'end' | 'status'> | undefined,
  settings: ReminderSettings & EvaluationSettings,
  /** Needed when the enrolment just became attended / partially attended (the evaluation opens for them). */
  window?: WindowFacts,
): NotificationPlan {
  const { old, new: cur } = change;
  const plan: NotificationPlan = { create: [], cancel: [] };
  if (!cur) {
    if (old) plan.cancel.push({ subject: enrolmentSubject(old.id), reason: 'enrolment-removed' });
    return plan;
  }
  const times = session ? { start: session.start, end: session.end } : undefined;
  const at = cur.updatedAt;
  const scheduled = session?.status === 'scheduled' && times;
  // A new enrolment: an insert, or a put over a cancelled one (re-enrolment gets a new id).
  const isNew = !old || old.id !== cur.id;
  if (isNew) {
    if (!times) return plan; // no session: nothing sensible to say (the enrolment path prevents it)
    if (cur.status === 'enrolled') {
      plan.create.push(learnerDraft(cur, 'enrolment-confirmed', times, at, { ics: 'REQUEST' }));
      if (scheduled) plan.create.push(...reminderDrafts(cur, times, at, 'admit', settings));
    } else if (cur.status === 'waitlisted') {
      plan.create.push(learnerDraft(cur, 'enrolment-waitlisted', times, at));
    }
    return plan;
  }
  if (old.status === cur.status) return plan; // e.g. the session's times copied onto the enrolment
  const t = times ?? { start: '', end: '' };
  const subject = enrolmentSubject(cur.id);
  if (old.status === 'waitlisted' && cur.status === 'enrolled') {
    if (!times) return plan;
    plan.create.push(learnerDraft(cur, 'enrolment-promoted', times, at, { ics: 'REQUEST' }));
    if (scheduled) plan.create.push(...reminderDrafts(cur, times, at, 'admit', settings));
    plan.cancel.push({ subject, reason: 'promoted', only: (n) => n.kind === 'enrolment-waitlisted' });
  } else if (cur.status === 'cancelled' && isActive(old.status)) {
    plan.cancel.push({ subject, reason: 'enrolment-cancelled' });
    plan.create.push(
      learnerDraft(cur, 'enrolment-cancelled', t, at, old.status === 'enrolled' ? { ics: 'CANCEL' } : {}),
    );
  } else if (cur.status === 'session-cancelled') {
    plan.cancel.push({ subject, reason: 'session-cancelled' });
    plan.create.push(sessionCancelledDraft(cur, t, at));
  } else if (isEvaluating(cur.status)) {
    // Attended: nothing left to remind about the session; the evaluation opens (once: a correction between
    // attended and partially attended changes nothing for it).
    plan.cancel.push({ subject, reason: `enrolment-${cur.status}`, only: (n) => !isEvaluationKind(n.kind) });
    if (!isEvaluating(old.status) && window)
      plan.create.push(...evaluationDrafts(cur, t, at, window, settings));
  } else if (!isActive(cur.status)) {
    // no-show (or a mark corrected to absent): nothing left to remind, no evaluation either.
    plan.cancel.push({ subject, reason: `enrolment-${cur.status}` });
  }
  return plan;
}

const EVALUATION_KINDS = ['evaluation-open', 'evaluation-reminder'] as const;
const isEvaluationKind = (k: NotificationKind) => (EVALUATION_KINDS as readonly string[]).includes(k);
const isEvaluating = (s: EnrolmentStatus) => s === 'attended' || s === 'partially-attended';

/**
 * "Evaluation open" at max(window opens, time of the marking), and one "closes soon" reminder before it closes,
 * planned for this closing time (its id carries it: a moved window plans a new one, see `planWindowChange`).
 */
export function evaluationDrafts(
  e: Pick<EnrolmentFacts, 'id' | 'sessionId' | 'learnerId'>,
  times: { start: string; end: string },
  at: string,
  window: WindowFacts,
  settings: EvaluationSettings,
  opts: { open?: boolean } = {},
): NotificationDraft[] {
  const out: NotificationDraft[] = [];
  const openAt = window.opensAt > at ? window.opensAt : at;
  if (openAt >= window.closesAt) return out; // marked after the window closed: nothing to invite to
  if (opts.open ?? true) {
    out.push(
      learnerDraft(e, 'evaluation-open', times, at, { dueAt: openAt, evaluationClosesAt: window.closesAt }),
    );
  }
  const reminderAt = addMs(window.closesAt, -settings.evaluationReminderBeforeClose);
  // Only when it would come after the invitation (a short window gets the invitation alone).
  if (reminderAt > openAt) {
    out.push(
      learnerDraft(e, 'evaluation-reminder', times, at, {
        dueAt: reminderAt,
        evaluationClosesAt: window.closesAt,
        generation: window.closesAt,
      }),
    );
  }
  return out;
}

/**
 * The lab moved a session's evaluation window (closed it early, extended it): the "closes soon" reminder of each
 * attendee is re-planned for the new closing time and the pending ones planned for the old time are cancelled.
 * The invitations already sent stay as they are (the evaluation page shows the current closing date).
 */
export function planWindowChange(
  change: { old?: WindowFacts; new?: WindowFacts },
  session: Pick<SessionFacts, 'start' | 'end'>,
  enrolments: EnrolmentFacts[],
  at: string,
  settings: EvaluationSettings,
): NotificationPlan {
  const plan: NotificationPlan = { create: [], cancel: [] };
  const { old, new: cur } = change;
  if (!cur || !old || old.closesAt === cur.closesAt) return plan;
  for (const e of enrolments) {
    if (!isEvaluating(e.status)) continue;
    plan.cancel.push({
      subject: enrolmentSubject(e.id),
      reason: 'evaluation-window-moved',
      only: (n) => n.kind === 'evaluation-reminder' && n.evaluationClosesAt !== cur.closesAt,
    });
    plan.create.push(
      ...evaluationDrafts(e, { start: session.start, end: session.end }, at, cur, settings, { open: false }),
    );
  }
  return plan;
}

/** A newcomer (joined a path after its cohort started) gets their catch-up plan, once per path. */
export function catchUpDraft(
  m: { learnerId: string; pathId: string; joinedAt: string },
  cohortStart: string | undefined,
): NotificationDraft | undefined {
  if (!cohortStart || m.joinedAt <= cohortStart) return undefined;
  return personDraft(m.learnerId, 'newcomer-catch-up', 'learner', m.joinedAt, { pathId: m.pathId }, m.pathId);
}

/** An HR user's monthly summary, once per month and recipient (the figures are on the summary record). */
export function hrSummaryDraft(s: {
  recipientId: string;
  month: string;
  createdAt: string;
}): NotificationDraft {
  return personDraft(s.recipientId, 'hr-monthly-summary', 'hr', s.createdAt, { month: s.month }, s.month);
}

function personDraft(
  personId: string,
  kind: NotificationKind,
  recipientRole: NotificationDraft['recipientRole'],
  at: string,
  extra: Partial<NotificationDraft>,
  generation: string,
): NotificationDraft {
  return {
    id: notificationId('person', personId, kind, generation),
    kind,
    subject: { type: 'person', personId },
    recipientId: personId,
    recipientRole,
    sessionId: '',
    sessionStart: '',
    sessionEnd: '',
    dueAt: at,
    createdAt: at,
    generation,
    ...extra,
  };
}

/** One id per enrolment: planned both from the enrolment's change and from the session's, it is created once. */
function sessionCancelledDraft(
  e: Pick<EnrolmentFacts, 'id' | 'sessionId' | 'learnerId'>,
  times: { start: string; end: string },
  at: string,
): NotificationDraft {
  return learnerDraft(e, 'session-cancelled', times, at, { ics: 'CANCEL' });
}

/**
 * A session changed. `enrolments` are the session's enrolments (read consistently by the projection) when the
 * change concerns learners (a move, a cancellation); only those that existed before the change are told about it.
 */
export function planSessionChange(
  change: { eventName: 'INSERT' | 'MODIFY' | 'REMOVE'; old?: SessionFacts; new?: SessionFacts },
  enrolments: EnrolmentFacts[],
  settings: ReminderSettings & TrainerSettings,
): NotificationPlan {
  const { old, new: cur } = change;
  const plan: NotificationPlan = { create: [], cancel: [] };
  if (!cur) {
    if (old) plan.cancel.push({ subject: trainersSubject(old.id), reason: 'session-removed' });
    return plan;
  }
  const at = cur.updatedAt;
  if (!old) {
    plan.create.push(...trainerDrafts(cur, at, settings));
    return plan;
  }
  const existedBefore = (e: EnrolmentFacts) => e.createdAt <= at;
  const times = { start: cur.start, end: cur.end };

  if (cur.status === 'cancelled' && old.status !== 'cancelled') {
    plan.cancel.push({ subject: trainersSubject(cur.id), reason: 'session-cancelled' });
    for (const e of enrolments) {
      if (!existedBefore(e) || !(isActive(e.status) || e.status === 'session-cancelled')) continue;
      const draft = sessionCancelledDraft(e, { start: old.start, end: old.end }, at);
      plan.cancel.push({ subject: enrolmentSubject(e.id), reason: 'session-cancelled' });
      plan.create.push(draft);
    }
    return plan;
  }
  if (cur.status === 'completed' && old.status !== 'completed') {
    plan.cancel.push({
      subject: trainersSubject(cur.id),
      reason: 'session-completed',
      only: (n) => n.kind === 'trainer-attendance-pending',
    });
    return plan;
  }
  if (cur.status !== 'scheduled') return plan;

  const moved = old.start !== cur.start || old.end !== cur.end;
  const stale = (n: Pick<NotificationDraft, 'sessionStart' | 'sessionEnd'>) =>
    n.sessionStart !== cur.start || n.sessionEnd !== cur.end;
  if (moved) {
    const generation = `v${cur.version}`;
    for (const e of enrolments) {
      if (!existedBefore(e) || !isActive(e.status)) continue;
      plan.cancel.push({
        subject: enrolmentSubject(e.id),
        reason: 'session-moved',
        only: (n) => (n.kind === 'session-reminder' || n.kind === 'session-moved') && stale(n),
      });
      plan.create.push(
        learnerDraft(e, 'session-moved', times, at, {
          generation,
          previousStart: old.start,
          ...(e.status === 'enrolled' ? { ics: 'REQUEST' as const } : {}),
        }),
      );
      if (e.status === 'enrolled') plan.create.push(...reminderDrafts(e, times, at, generation, settings));
    }
  }
  const sameTeam =
    old.facilitators.length === cur.facilitators.length &&
    old.facilitators.every(
      (f, i) => f.trainerId === cur.facilitators[i]?.trainerId && f.role === cur.facilitators[i]?.role,
    );
  if (moved || !sameTeam) {
    plan.cancel.push({
      subject: trainersSubject(cur.id),
      reason: moved ? 'session-moved' : 'facilitators-changed',
    });
    plan.create.push(...trainerDrafts(cur, at, settings));
  }
  return plan;
}
