import type { SessionView } from '@parcours/domain/api/sessions-api';
import { overlaps } from '@parcours/domain/lms/time';
import { type BookingItem, toSessionView } from '@parcours/store';
// The listing alone, not the façade: the reminders function bundles this module and writes no session.
import { listSessions } from '@parcours/store/session-listing';

const ACTIVE = new Set(['enrolled', 'waitlisted']);

/**
 * Upcoming bookable sessions of one module: scheduled, starting after `from`, with a free seat or a short waitlist,
 * not clashing with the learner's active bookings. Query-only (GSI1 by module and start).
 */
export async function bookableSessions(input: {
  moduleId: string;
  from: string;
  to?: string | undefined;
  site?: string | undefined;
  maxWaitlist: number;
  bookings: BookingItem[];
  limit: number;
  now: string;
}): Promise<SessionView[]> {
  const { items } = await listSessions(
    {
      moduleId: input.moduleId,
      from: input.from,
      ...(input.to ? { to: input.to } : {}),
      ...(input.site ? { site: input.site } : {}),
      status: 'scheduled',
      limit: 100,
    },
    input.now,
  );
  const active = input.bookings.filter((b) => ACTIVE.has(b.status));
  return items
    .filter((s) => s.start > input.now)
    .filter((s) => s.enrolledCount < s.capacity || s.waitlistLength <= input.maxWaitlist)
    .filter((s) => !active.some((b) => b.sessionId !== s.id && overlaps(b, s)))
    .slice(0, input.limit)
    .map(toSessionView);
}
