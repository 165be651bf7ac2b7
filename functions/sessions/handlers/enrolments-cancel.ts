import { toEnrolmentView } from '@parcours/store';
import { api } from '../api.ts';
import { cancelLearnerEnrolment } from '../enrolments.ts';

export const handler = api('enrolments-cancel', async ({ principal, params }) => {
  const r = await cancelLearnerEnrolment(principal, params.id);
  return { body: toEnrolmentView(r.enrolment) };
});
