import type { EnrolmentStatus, EnrolmentView } from '@parcours/domain/api/sessions-api';
import type { Entity } from './entities.ts';

/** The enrolment as stored in its session's partition (`session#<sid>` / `enrolment#<learnerId>`). */
export interface EnrolmentItem {
  pk: string;
  sk: string;
  entity: Extract<Entity, 'enrolment'>;
  /** A UUID; also the xAPI `registration` of every statement about this enrolment. */
  id: string;
  sessionId: string;
  learnerId: string;
  moduleId: string;
  pathId?: string;
  /** The learner's service when they enrolled (HR reports group by it; kept on the record for history). */
  learnerService?: string;
  status: EnrolmentStatus;
  /** Arrival ticket; while waitlisted, the waitlist entry `waitlist#<ticket>` exists. */
  ticket: number;
  sessionStart: string;
  sessionEnd: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
  gsi1pk: string;
  gsi1sk: string;
}

/** A place in a session's queue (`session#<sid>` / `waitlist#<ticket>`): the sort key gives the FIFO order. */
export interface WaitlistEntryItem {
  pk: string;
  sk: string;
  entity: Extract<Entity, 'waitlist-entry'>;
  sessionId: string;
  learnerId: string;
  ticket: number;
  enrolmentId: string;
  createdAt: string;
}

export function toEnrolmentView(e: EnrolmentItem, waitlistPosition?: number): EnrolmentView {
  return {
    id: e.id,
    sessionId: e.sessionId,
    learnerId: e.learnerId,
    moduleId: e.moduleId,
    ...(e.pathId ? { pathId: e.pathId } : {}),
    status: e.status,
    ...(e.status === 'waitlisted' && waitlistPosition !== undefined ? { waitlistPosition } : {}),
    sessionStart: e.sessionStart,
    sessionEnd: e.sessionEnd,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}
