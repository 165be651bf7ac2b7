import type { EnrolmentStatus, Facilitator, SessionStatus } from '../api/sessions-api.ts';
import type { NotificationDraft } from './model.ts';

/**
 * Re-validation at send time: a message planned earlier goes out only if what it says is still true. Returns the
 * reason it is stale (the record is then `skipped`), or undefined when it may be sent. Pure: the tick reads the
 * current session and enrolment and asks this.
 */
export interface CurrentState {
  session?: {
    status: SessionStatus;
    start: string;
    end: string;
    facilitators: Facilitator[];
    attendanceTakenAt?: string;
  };
  /** The learner's current enrolment in the session (it may be a newer one, with another id). */
  enrolment?: { id: string; status: EnrolmentStatus };
  /** Evaluation messages: the session's window as it stands, and whether this learner already responded. */
  evaluation?: { closesAt: string; responded: boolean };
}

type Planned = Pick<
  NotificationDraft,
  'kind' | 'enrolmentId' | 'sessionStart' | 'sessionEnd' | 'recipientId' | 'evaluationClosesAt'
>;

export function staleReason(n: Planned, state: CurrentState, now: string): string | undefined {
  const { session, enrolment, evaluation } = state;
  if (!session) return 'session-gone';
  const sameEnrolment = enrolment !== undefined && enrolment.id === n.enrolmentId;
  const timesUnchanged = session.start === n.sessionStart && session.end === n.sessionEnd;
  switch (n.kind) {
    case 'enrolment-confirmed':
    case 'enrolment-promoted':
      // Sent with the session's current times even if it moved since: the learner needs the confirmation.
      if (!sameEnrolment || enrolment.status !== 'enrolled') return 'enrolment-not-enrolled';
      if (session.status !== 'scheduled') return `session-${session.status}`;
      return undefined;
    case 'enrolment-waitlisted':
      if (!sameEnrolment || enrolment.status !== 'waitlisted') return 'enrolment-not-waitlisted';
      if (session.status !== 'scheduled') return `session-${session.status}`;
      return undefined;
    case 'session-reminder':
      if (!sameEnrolment || enrolment.status !== 'enrolled') return 'enrolment-not-enrolled';
      if (session.status !== 'scheduled') return `session-${session.status}`;
      if (!timesUnchanged) return 'session-moved';
      if (now >= session.start) return 'session-started';
      return undefined;
    case 'session-moved':
      if (!sameEnrolment || (enrolment.status !== 'enrolled' && enrolment.status !== 'waitlisted'))
        return 'enrolment-not-active';
      if (session.status !== 'scheduled') return `session-${session.status}`;
      // A later move superseded this notice (its own notice carries the newest times).
      if (!timesUnchanged) return 'session-moved-again';
      return undefined;
    case 'enrolment-cancelled':
      // A past fact: always true, even if the learner enrolled again since (that is a new enrolment, new UID).
      return undefined;
    case 'session-cancelled':
      // The enrolments flip before the session does (packages/store/src/session-cancel.ts): either says it.
      if (session.status === 'cancelled') return undefined;
      return sameEnrolment && enrolment.status === 'session-cancelled' ? undefined : 'session-not-cancelled';
    case 'trainer-upcoming-facilitation':
      if (session.status !== 'scheduled') return `session-${session.status}`;
      if (!timesUnchanged) return 'session-moved';
      if (!session.facilitators.some((f) => f.trainerId === n.recipientId)) return 'no-longer-facilitating';
      if (now >= session.start) return 'session-started';
      return undefined;
    case 'evaluation-open':
    case 'evaluation-reminder':
      if (!sameEnrolment || (enrolment.status !== 'attended' && enrolment.status !== 'partially-attended'))
        return 'not-an-attendee';
      if (!evaluation) return 'no-evaluation-window';
      if (evaluation.responded) return 'already-responded';
      if (now >= evaluation.closesAt) return 'evaluation-closed';
      // A reminder planned for another closing time was superseded by the one planned for the current time.
      if (n.kind === 'evaluation-reminder' && n.evaluationClosesAt !== evaluation.closesAt)
        return 'evaluation-window-moved';
      return undefined;
    case 'newcomer-catch-up':
    case 'hr-monthly-summary':
      // About no session: re-validated by their own composer (functions/reminders/compose-person.ts).
      return undefined;
    case 'trainer-attendance-pending':
      if (session.status !== 'scheduled' || session.attendanceTakenAt) return 'attendance-taken';
      if (!timesUnchanged) return 'session-moved';
      if (!session.facilitators.some((f) => f.trainerId === n.recipientId)) return 'no-longer-facilitating';
      return undefined;
  }
}
