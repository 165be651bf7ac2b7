import { api } from '../api.ts';
import { revokeClient } from '../clients.ts';

export const handler = api('lrs-clients-revoke', async ({ params, principal }) => ({
  body: await revokeClient(params.id, principal.userId),
}));
