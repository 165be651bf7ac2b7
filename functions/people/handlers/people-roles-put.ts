import { api } from '../api.ts';
import { setRoles } from '../people-admin.ts';

export const handler = api('people-roles-put', async ({ params, body, principal }) => ({
  body: await setRoles(params.id, body, principal.userId),
}));
