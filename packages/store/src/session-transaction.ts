/**
 * The vocabulary of the session's transactions: what each op is (its tag), and how a cancellation reported by tag
 * is read (re-read and decide again, or a bug).
 */
import { conflict } from '@parcours/domain/errors';
import type { OpFailure, TaggedOp } from './gateway.ts';
import type { SeatTag } from './seat-ops.ts';

export type OpTag =
  | { kind: 'session' }
  | { kind: 'session-check' }
  | { kind: 'lock'; agenda: 'trainer' | 'room'; id: string }
  | { kind: 'facilitation'; trainerId: string }
  | { kind: 'room-booking' }
  | { kind: 'enrolment'; learnerId: string }
  | { kind: 'booking-copy'; learnerId: string }
  | { kind: 'waitlist' }
  | { kind: 'catalog-use'; what: 'module' | 'site' | 'path' };
export type Op = TaggedOp<OpTag>;
/** A session write that also moves seats (promotions into added seats): its own ops plus the seat plan's. */
export type SeatingOp = TaggedOp<OpTag | SeatTag>;
type Failure = Pick<OpFailure<OpTag | SeatTag>, 'tag' | 'code' | 'message'>;

/**
 * The module or site was archived (or deleted) after this request loaded the programme: the session's transaction
 * refused it. Throws the same 409 the up-front check gives.
 */
export function archivedMeanwhile(failures: readonly Failure[]): void {
  for (const f of failures) {
    if (f.tag.kind === 'catalog-use' && f.code === 'ConditionalCheckFailed') {
      const what = f.tag.what;
      throw conflict(`${what}-archived`, `This ${what} was archived: it can no longer be scheduled`, {
        field: `${what}Id`,
      });
    }
  }
}

/** 409 once the optimistic retries are spent: the agendas (or the session) keep changing under us. */
export const contention = () =>
  conflict('schedule-contention', 'Too many concurrent changes to the same agendas; retry in a moment');

/** Condition failures that a fresh read can resolve (someone else moved first), as opposed to bugs. */
export function needsReread(failures: readonly Failure[]): boolean {
  return failures.some(
    (f) =>
      f.code === 'ConditionalCheckFailed' &&
      (f.tag.kind === 'lock' ||
        f.tag.kind === 'session' ||
        f.tag.kind === 'session-check' ||
        f.tag.kind === 'enrolment' ||
        f.tag.kind === 'queue'),
  );
}

/**
 * A batch over a session's enrolments was cancelled: retry (re-reading) when it is contention or a stale read. A
 * learner's booking copy that does not exist is not ours to create (the enrolment engine owns it): it is noted in
 * `missingCopies`, so the retry leaves it out.
 */
export function shouldRetryBatch(
  outcome: { transient: boolean; failures: readonly Failure[] },
  missingCopies: Set<string>,
): boolean {
  let copyMissing = false;
  for (const f of outcome.failures) {
    if (f.tag.kind === 'booking-copy' && f.code === 'ConditionalCheckFailed') {
      missingCopies.add(f.tag.learnerId);
      copyMissing = true;
    }
  }
  return outcome.transient || copyMissing || needsReread(outcome.failures);
}

export function unexpected(failures: readonly Failure[]): Error {
  return new Error(
    `transaction cancelled: ${failures.map((f) => `${f.tag.kind}:${f.code}${f.message ? ` (${f.message})` : ''}`).join(', ')}`,
  );
}
