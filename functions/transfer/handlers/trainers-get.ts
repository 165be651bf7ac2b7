import { api } from '../api.ts';
import { readTrainer } from '../trainers.ts';

export const handler = api('trainers-get', async ({ principal, params }) => ({
  body: await readTrainer(principal, params.id),
}));
