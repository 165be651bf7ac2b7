import { toEnrolmentView } from '@parcours/store';
import { api } from '../api.ts';
import { enrolLearner } from '../enrolments.ts';

export const handler = api('enrolments-create', async ({ principal, params, body }) => {
  const r = await enrolLearner(principal, params.id, body);
  // A retried request finds its enrolment: 200 with the same body instead of 201 (never a second seat).
  return { status: r.created ? 201 : 200, body: toEnrolmentView(r.enrolment, r.position) };
});
