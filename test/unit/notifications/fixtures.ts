import type { EnrolmentFacts } from '../../../packages/domain/src/notifications/plan.ts';

/** An enrolment as the notifications projection sees it (stream image facts), in session `s-1`. */
export const enrolment = (over: Partial<EnrolmentFacts> = {}): EnrolmentFacts => ({
  id: 'e-1',
  sessionId: 's-1',
  learnerId: 'l-1',
  status: 'enrolled',
  createdAt: '2027-02-10T09:00:00.000Z',
  updatedAt: '2027-02-10T09:00:00.000Z',
  ...over,
});
