import { api } from '../api.ts';
import { readLadder } from '../trainers.ts';

export const handler = api('trainer-ladder-get', async ({ principal, params, query }) => ({
  body: await readLadder(principal, params.id, query.moduleId),
}));
