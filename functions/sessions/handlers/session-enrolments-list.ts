import { forbidden, notFound } from '@parcours/domain/errors';
import { hasRole } from '@parcours/domain/roles';
import { getSessionItem, listSessionEnrolments, toEnrolmentView, waitlistOrder } from '@parcours/store';
import { displayNames } from '@parcours/store/profile-repo';
import { api } from '../api.ts';

export const handler = api('session-enrolments-list', async ({ principal, params }) => {
  const session = await getSessionItem(params.id);
  if (!session) throw notFound('session', params.id);
  const facilitates = session.facilitators.some((f) => f.trainerId === principal.userId);
  if (!hasRole(principal, 'lab') && !facilitates)
    throw forbidden("Only the lab and this session's facilitators see its enrolments");
  const [enrolments, order] = await Promise.all([listSessionEnrolments(params.id), waitlistOrder(params.id)]);
  const position = new Map(order.map((w, i) => [w.learnerId, i + 1]));
  const names = await displayNames(enrolments.map((e) => e.learnerId));
  const items = enrolments
    .sort((a, b) => a.ticket - b.ticket)
    .map((e) => {
      const name = names.get(e.learnerId);
      return { ...toEnrolmentView(e, position.get(e.learnerId)), ...(name ? { learnerName: name } : {}) };
    });
  return { body: { items } };
});
