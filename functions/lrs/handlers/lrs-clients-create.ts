import { api } from '../api.ts';
import { createLrsClient } from '../clients.ts';

export const handler = api('lrs-clients-create', async ({ body, principal }) => ({
  body: await createLrsClient({ ...body, by: principal.userId }),
}));
