import type { LearnerFacts } from '@parcours/domain/lms/progress';
import type { LearnerState } from '@parcours/store';

export function toLearnerFacts(state: LearnerState): LearnerFacts {
  return {
    bookings: state.bookings.map((b) => ({
      moduleId: b.moduleId,
      status: b.status,
      sessionId: b.sessionId,
      start: b.start,
      end: b.end,
    })),
    completions: state.completions.map((c) => ({
      moduleId: c.moduleId,
      completedAt: c.completedAt,
      sessionId: c.sessionId,
    })),
    joinedPaths: state.paths.map((p) => ({ pathId: p.pathId, joinedAt: p.joinedAt })),
  };
}
