import { api } from '../lib/api.ts';
import { pendingEvaluations } from '../lib/transfer/evaluations.ts';

export const handler = api('me-evaluations-pending', async ({ principal }) => ({
  body: await pendingEvaluations(principal),
}));
