import { api } from '../api.ts';
import { rotateClient } from '../clients.ts';

export const handler = api('lrs-clients-rotate', async ({ params, principal }) => ({
  body: await rotateClient(params.id, principal.userId),
}));
