import { api } from '../lib/api.ts';
import { submitEvaluation } from '../lib/transfer/evaluations.ts';

export const handler = api('session-evaluation-put', async ({ principal, params, body }) => {
  const { created, view } = await submitEvaluation(principal, params.id, body);
  return { status: created ? 201 : 200, body: view };
});
