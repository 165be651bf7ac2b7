import { api } from '../lib/api.ts';
import { rotateClient } from '../lib/lrs/clients.ts';

export const handler = api('lrs-clients-rotate', async ({ params, principal }) => ({
  body: await rotateClient(params.id, principal.userId),
}));
