import { api } from '../api.ts';
import { erasePerson } from '../erasure.ts';

/** RGPD erasure on a person's request, by the lab; idempotent (a retry resumes and answers the same record). */
export const handler = api('people-erasure', async ({ params, body, principal }) => ({
  body: await erasePerson(params.id, principal.userId, body.reason),
}));
