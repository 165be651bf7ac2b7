import { api } from '../lib/api.ts';
import { readLadder } from '../lib/transfer/trainers.ts';

export const handler = api('trainer-ladder-get', async ({ principal, params, query }) => ({
  body: await readLadder(principal, params.id, query.moduleId),
}));
