import { api } from '../api.ts';
import { pendingEvaluations } from '../evaluations.ts';

export const handler = api('me-evaluations-pending', async ({ principal }) => ({
  body: await pendingEvaluations(principal),
}));
