import { api } from '../lib/api.ts';
import { readTrainer } from '../lib/transfer/trainers.ts';

export const handler = api('trainers-get', async ({ principal, params }) => ({
  body: await readTrainer(principal, params.id),
}));
