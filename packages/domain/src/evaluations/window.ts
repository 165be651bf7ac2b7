import type { EnrolmentStatus } from '../api/sessions-api.ts';
import { conflict, forbidden } from '../errors.ts';
import { addDays } from '../lms/time.ts';

/**
 * The evaluation window of a session (docs/transfer.md, "Evaluation window"). Pure.
 *
 * A learner may respond as soon as attendance marks them `attended` or `partially-attended` (attendance opens at the
 * session start, so never before it), and until `closesAt` = session end + `windowDays`. `opensAt` = the session
 * end is the nominal opening for notifications ("evaluation open" goes out at max(opensAt, time of marking)).
 * The lab may move `closesAt` (close early, extend); the stored `evaluation-window` item then wins.
 */
export interface EvaluationWindow {
  sessionId: string;
  opensAt: string;
  closesAt: string;
  windowDays: number;
}

export function evaluationWindow(session: { id: string; end: string }, windowDays: number): EvaluationWindow {
  return {
    sessionId: session.id,
    opensAt: session.end,
    closesAt: addDays(session.end, windowDays),
    windowDays,
  };
}

export const EVALUATING_STATUSES: readonly EnrolmentStatus[] = ['attended', 'partially-attended'];

/** Throws unless this learner may respond now: 403 `not-an-attendee`, 409 `evaluation-closed`. */
export function checkEvaluationOpen(input: {
  enrolmentStatus: EnrolmentStatus | undefined;
  window: Pick<EvaluationWindow, 'closesAt'>;
  now: string;
}): void {
  if (!input.enrolmentStatus || !EVALUATING_STATUSES.includes(input.enrolmentStatus)) {
    throw forbidden(
      'Only learners marked attended or partially attended evaluate a session',
      'not-an-attendee',
    );
  }
  if (input.now >= input.window.closesAt) {
    throw conflict('evaluation-closed', `The evaluation closed on ${input.window.closesAt}`, {
      closesAt: input.window.closesAt,
    });
  }
}
