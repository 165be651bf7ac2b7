import type { EnrolmentStatus } from '@parcours/domain/api/sessions-api';
import type { CompetencyLevel } from '@parcours/domain/content/schemas';
import type { Entity } from './entities.ts';
import { type Item, queryPartition } from './gateway.ts';
import { keys } from './keys.ts';

/** The learner's copy of one enrolment (`user#<id>` / `booking#<sessionId>`). */
export interface BookingItem {
  pk: string;
  sk: string;
  entity: Extract<Entity, 'booking'>;
  learnerId: string;
  enrolmentId: string;
  sessionId: string;
  moduleId: string;
  pathId?: string;
  status: EnrolmentStatus;
  start: string;
  end: string;
  createdAt: string;
  updatedAt: string;
}

/** A module completed by a learner (`user#<id>` / `completion#<moduleId>`): the evidence behind competencies. */
export interface CompletionItem {
  pk: string;
  sk: string;
  entity: Extract<Entity, 'completion'>;
  learnerId: string;
  moduleId: string;
  sessionId: string;
  enrolmentId: string;
  completedAt: string;
  learnerService?: string;
  competencies: { competencyId: string; level: CompetencyLevel }[];
}

export interface PathMembershipItem {
  pk: string;
  sk: string;
  entity: Extract<Entity, 'path-membership'>;
  learnerId: string;
  pathId: string;
  joinedAt: string;
}

export interface LearnerState {
  bookings: BookingItem[];
  completions: CompletionItem[];
  paths: PathMembershipItem[];
  /** Version of the learner's enrolment lock at read time (0 when it does not exist yet). */
  lockVersion: number;
}

/** One strongly consistent Query of the learner's partition: everything the enrolment rules need. */
export async function readLearnerState(learnerId: string): Promise<LearnerState> {
  const state: LearnerState = { bookings: [], completions: [], paths: [], lockVersion: 0 };
  for (const item of await queryPartition<Item & { entity: Entity }>(keys.user.partition(learnerId))) {
    switch (item.entity) {
      case 'booking':
        state.bookings.push(item as unknown as BookingItem);
        break;
      case 'completion':
        state.completions.push(item as unknown as CompletionItem);
        break;
      case 'path-membership':
        state.paths.push(item as unknown as PathMembershipItem);
        break;
      case 'lock':
        if (item['sk'] === keys.user.enrolmentLock(learnerId).sk)
          state.lockVersion = Number(item['version'] ?? 0);
        break;
    }
  }
  return state;
}
