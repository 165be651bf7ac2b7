import { catalog } from '@parcours/domain/content/catalog';
import { moduleStatus } from '@parcours/domain/lms/progress';
import { readLearnerState } from '@parcours/store';
// The listing alone, not the façade: the reminders function bundles this module and writes no session.
import { listSessions } from '@parcours/store/session-listing';
import { toLearnerFacts } from './learner-facts.ts';
import { bookableSessions } from './session-finder.ts';

/**
 * The catch-up plan of a learner, shared by `GET /me/catch-up` and the newcomer e-mail (sent from the tick, so it
 * lists what is bookable when it goes out). Newcomers (joined a path after its cohort started) catch up: the modules the cohort already held between the
 * cohort start and the join date that the learner has neither completed nor booked, each with its earliest bookable sessions,
 * plus the path's coach module when it has one.
 */
export async function catchUpPlan(userId: string, now: string) {
  const state = await readLearnerState(userId);
  const facts = toLearnerFacts(state);
  const paths = [];
  for (const membership of state.paths) {
    const path = catalog().paths.find((p) => p.id === membership.pathId);
    if (!path) continue;
    const cohortStart = path.cohortStart ? `${path.cohortStart}T00:00:00.000Z` : undefined;
    const newcomer = Boolean(cohortStart && membership.joinedAt > cohortStart);
    const missed = [];
    if (newcomer && cohortStart) {
      for (const moduleId of [path.entryModuleId, ...path.electiveModuleIds]) {
        // Done, or already booked with a seat: nothing left to catch up (a waitlisted module still is).
        const status = moduleStatus(facts, moduleId);
        if (status === 'completed' || status === 'enrolled') continue;
        const held = await listSessions(
          { moduleId, pathId: path.id, from: cohortStart, to: membership.joinedAt, limit: 200 },
          now,
        );
        const count = held.items.filter((s) => s.status !== 'cancelled').length;
        if (count === 0) continue;
        const nextSessions = await bookableSessions({
          moduleId,
          from: now,
          maxWaitlist: 3,
          bookings: state.bookings,
          limit: 3,
          now,
        });
        missed.push({ moduleId, cohortSessionsHeld: count, nextSessions });
      }
    }
    const coach =
      newcomer && path.coachModuleId
        ? {
            moduleId: path.coachModuleId,
            nextSessions: await bookableSessions({
              moduleId: path.coachModuleId,
              from: now,
              maxWaitlist: 3,
              bookings: state.bookings,
              limit: 3,
              now,
            }),
          }
        : undefined;
    paths.push({
      pathId: path.id,
      newcomer,
      joinedAt: membership.joinedAt,
      ...(path.cohortStart ? { cohortStart: path.cohortStart } : {}),
      missed,
      ...(coach ? { coach } : {}),
    });
  }
  return paths;
}
