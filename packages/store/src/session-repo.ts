/**
 * Sessions: creation, moves, cancellation, listings, and the trainers' and rooms' agendas that prevent
 * double-booking. This is the façade the handlers use; the work is done by one module per concern:
 *
 * - session-item.ts: the session item, its index keys and reads;
 * - session-write.ts: create and move/reconfigure (session-transaction.ts: the tagged ops and their outcomes;
 *   session-promotions.ts: the waitlist heads promoted into seats a capacity change adds);
 * - session-cancel.ts: cancellation, with the session's enrolments (session-enrolments.ts);
 * - schedule-lock.ts: the agenda locks and the clash check; facilitation.ts and room-booking.ts: agenda entries;
 * - booking-sync.ts: the learners' copies of a moved session's times;
 * - idempotency-record.ts: `Idempotency-Key` records;
 * - session-listing.ts: the calendar, with its micro-cache.
 */
import { trainerFacilitations } from './facilitation.ts';
import { cancelSession } from './session-cancel.ts';
import { getStoredSession } from './session-item.ts';
import { listSessions } from './session-listing.ts';
import { createSession, updateSession } from './session-write.ts';

export type { StoredSession } from './session-item.ts';
export type { ListSessionsInput } from './session-listing.ts';

export const sessionRepo = {
  get: getStoredSession,
  create: createSession,
  update: updateSession,
  cancel: cancelSession,
  list: listSessions,
  facilitations: trainerFacilitations,
};
