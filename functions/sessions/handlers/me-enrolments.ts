import { readLearnerState, waitlistOrder } from '@parcours/store';
import { api } from '../api.ts';

export const handler = api('me-enrolments', async ({ principal }) => {
  const state = await readLearnerState(principal.userId);
  const bookings = [...state.bookings].sort((a, b) => a.start.localeCompare(b.start));
  const items = await Promise.all(
    bookings.map(async (b) => {
      let waitlistPosition: number | undefined;
      if (b.status === 'waitlisted') {
        const order = await waitlistOrder(b.sessionId);
        waitlistPosition = order.findIndex((w) => w.learnerId === principal.userId) + 1 || undefined;
      }
      return {
        id: b.enrolmentId,
        sessionId: b.sessionId,
        learnerId: b.learnerId,
        moduleId: b.moduleId,
        ...(b.pathId ? { pathId: b.pathId } : {}),
        status: b.status,
        ...(waitlistPosition ? { waitlistPosition } : {}),
        sessionStart: b.start,
        sessionEnd: b.end,
        createdAt: b.createdAt,
        updatedAt: b.updatedAt,
      };
    }),
  );
  return { body: { items } };
});
