import type { EnrolmentStatus, SessionStatus } from '../api/sessions-api.ts';
import { conflict } from '../errors.ts';
import { addDays } from './time.ts';

/**
 * Attendance, as a pure planner: which enrolments change, and what happens to the completion each one grants. The
 * store writes a plan with each enrolment conditioned on the status read here, so two trainers marking at once
 * cannot interleave.
 */

const MARK_TO_STATUS = {
  present: 'attended',
  partial: 'partially-attended',
  absent: 'no-show',
} as const;
export type AttendanceMark = keyof typeof MARK_TO_STATUS;
export type AttendanceStatus = (typeof MARK_TO_STATUS)[AttendanceMark];

/** Learners holding a seat, or already marked (a correction). Waitlisted or cancelled learners were not there. */
const MARKABLE: ReadonlySet<EnrolmentStatus> = new Set([
  'enrolled',
  'attended',
  'partially-attended',
  'no-show',
]);

export const DEFAULT_ATTENDANCE_WINDOW_DAYS = 7;

/** Attendance opens when the session starts and closes `windowDays` after it ends; never for a cancelled one. */
export function checkAttendanceOpen(s: {
  status: SessionStatus;
  start: string;
  end: string;
  windowDays: number;
  now: string;
}): void {
  if (s.status === 'cancelled') throw conflict('session-cancelled', 'The session was cancelled');
  const closes = addDays(s.end, s.windowDays);
  if (s.now < s.start) {
    throw conflict('attendance-not-open', `Attendance opens when the session starts (${s.start})`, {
      opens: s.start,
    });
  }
  if (s.now > closes) {
    throw conflict('attendance-window-closed', `Attendance closed on ${closes}`, {
      closed: closes,
      windowDays: s.windowDays,
    });
  }
}

export interface AttendanceChange<E> {
  enrolment: E;
  from: EnrolmentStatus;
  to: AttendanceStatus;
  /**
   * `grant`: attended, the session's module is completed (the evidence of its competencies). `withdraw`: a correction
   * away from attended takes back the completion this session granted, and only that one.
   */
  completion: 'grant' | 'withdraw' | 'none';
}

export type AttendancePlan<E> =
  /** All or nothing: one learner who cannot be marked and nothing is written (the trainer fixes the sheet). */
  | { kind: 'rejected'; problems: { learnerId: string; reason: string }[] }
  | {
      kind: 'write';
      /** Only the marks that change something; empty when the sheet repeats what is recorded. */
      changes: AttendanceChange<E>[];
      /** The session becomes `completed` with the last write (when anything changes). */
      completeSession: boolean;
      results: { learnerId: string; status: EnrolmentStatus; completed: boolean }[];
    };

export function planAttendance<E extends { learnerId: string; status: EnrolmentStatus }>(
  enrolments: readonly E[],
  marks: readonly { learnerId: string; status: AttendanceMark }[],
): AttendancePlan<E> {
  const byLearner = new Map(enrolments.map((e) => [e.learnerId, e]));
  const problems: { learnerId: string; reason: string }[] = [];
  const changes: AttendanceChange<E>[] = [];
  for (const m of marks) {
    const e = byLearner.get(m.learnerId);
    const to = MARK_TO_STATUS[m.status];
    if (!e) problems.push({ learnerId: m.learnerId, reason: 'not-enrolled' });
    else if (!MARKABLE.has(e.status)) problems.push({ learnerId: m.learnerId, reason: `status-${e.status}` });
    else if (e.status !== to) {
      const completion = to === 'attended' ? 'grant' : e.status === 'attended' ? 'withdraw' : 'none';
      changes.push({ enrolment: e, from: e.status, to, completion });
    }
  }
  if (problems.length) return { kind: 'rejected', problems };
  const changed = new Map(changes.map((c) => [c.enrolment.learnerId, c.to]));
  return {
    kind: 'write',
    changes,
    completeSession: changes.length > 0,
    results: marks.map((m) => {
      const status = changed.get(m.learnerId) ?? byLearner.get(m.learnerId)!.status;
      return { learnerId: m.learnerId, status, completed: status === 'attended' };
    }),
  };
}
