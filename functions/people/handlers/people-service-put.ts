import { api } from '../api.ts';
import { setService } from '../people-admin.ts';

export const handler = api('people-service-put', async ({ params, body, principal }) => ({
  body: await setService(params.id, body, principal.userId),
}));
