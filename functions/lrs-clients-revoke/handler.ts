import { api } from '../lib/api.ts';
import { revokeClient } from '../lib/lrs/clients.ts';

export const handler = api('lrs-clients-revoke', async ({ params, principal }) => ({
  body: await revokeClient(params.id, principal.userId),
}));
