import { api } from '../lib/api.ts';
import { createLrsClient } from '../lib/lrs/clients.ts';

export const handler = api('lrs-clients-create', async ({ body, principal }) => ({
  body: await createLrsClient({ ...body, by: principal.userId }),
}));
