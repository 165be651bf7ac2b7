import type { EnrolmentStatus } from '../api/sessions-api.ts';
import type { Module } from '../content/schemas.ts';
import { AppError, conflict } from '../errors.ts';
import { addHours, type Interval, overlaps } from './time.ts';

/** What the rules need to know about one of the learner's enrolments. */
export interface LearnerBooking extends Interval {
  sessionId: string;
  moduleId: string;
  status: EnrolmentStatus;
  enrolmentId: string;
}

export interface TargetSession extends Interval {
  id: string;
  moduleId: string;
  status: 'scheduled' | 'cancelled' | 'completed';
}

const ACTIVE: readonly EnrolmentStatus[] = ['enrolled', 'waitlisted'];

/**
 * The learner-level rules of enrolment, pure and exhaustive. Capacity and the waitlist are enforced by the
 * store's transaction; these are checked on a consistent read of the learner's partition, and the transaction
 * re-checks that the partition did not change since (the learner's enrolment lock version).
 */
export function checkEnrolmentAllowed(input: {
  session: TargetSession;
  module: Module;
  bookings: LearnerBooking[];
  completedModuleIds: ReadonlySet<string>;
  now: string;
}): void {
  const { session, module, bookings, completedModuleIds, now } = input;
  if (session.status !== 'scheduled') {
    throw conflict('session-not-open', `Session '${session.id}' is ${session.status}: enrolment is closed`);
  }
  if (session.start <= now) {
    throw conflict('session-already-started', `Session '${session.id}' has already started`);
  }
  // The lab withdrew the module from the catalogue: its remaining sessions run for those already in them.
  if (module.archived) {
    throw conflict(
      'module-archived',
      `Module '${module.id}' is archived: its sessions are no longer bookable`,
    );
  }
  const sameModule = bookings.find(
    (b) => b.moduleId === session.moduleId && ACTIVE.includes(b.status) && b.sessionId !== session.id,
  );
  if (sameModule) {
    throw conflict(
      'already-enrolled-in-module',
      `You already hold an active enrolment in module '${session.moduleId}' (session '${sameModule.sessionId}')`,
      { sessionId: sameModule.sessionId, enrolmentId: sameModule.enrolmentId },
    );
  }
  if (completedModuleIds.has(session.moduleId)) {
    throw conflict('module-already-completed', `You have already completed module '${session.moduleId}'`);
  }
  const clash = bookings.find(
    (b) => b.sessionId !== session.id && ACTIVE.includes(b.status) && overlaps(b, session),
  );
  if (clash) {
    throw conflict(
      'overlapping-enrolment',
      `This session overlaps session '${clash.sessionId}' you are enrolled in`,
      {
        sessionId: clash.sessionId,
      },
    );
  }
  // Path rule: a prerequisite (the mandatory entry module for every elective) must be completed, or the learner
  // must hold a seat (not a waitlist place) in a session of it that ends before this one starts.
  for (const prereq of module.prerequisites) {
    if (completedModuleIds.has(prereq)) continue;
    const seat = bookings.find(
      (b) => b.moduleId === prereq && b.status === 'enrolled' && b.end <= session.start,
    );
    if (!seat) {
      throw new AppError(
        'conflict',
        'prerequisite-missing',
        `Module '${prereq}' must be completed first (or booked in a session ending before this one starts)`,
        { prerequisite: prereq },
      );
    }
  }
}

/** Learners cannot cancel themselves after the cut-off; the lab can. Returns the deadline for messages. */
export function cancellationDeadline(sessionStart: string, cutoffHours: number): string {
  return addHours(sessionStart, -cutoffHours);
}

export function checkLearnerMayCancel(input: {
  sessionStart: string;
  cutoffHours: number;
  now: string;
  isLab: boolean;
}): void {
  if (input.isLab) return;
  const deadline = cancellationDeadline(input.sessionStart, input.cutoffHours);
  if (input.now > deadline) {
    throw conflict(
      'cancellation-cutoff-passed',
      `Self-cancellation closed at ${deadline} (${input.cutoffHours} h before the start); contact the lab`,
      { deadline, cutoffHours: input.cutoffHours },
    );
  }
}
