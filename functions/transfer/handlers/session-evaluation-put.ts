import { api } from '../api.ts';
import { submitEvaluation } from '../evaluations.ts';

export const handler = api('session-evaluation-put', async ({ principal, params, body }) => {
  const { created, view } = await submitEvaluation(principal, params.id, body);
  return { status: created ? 201 : 200, body: view };
});
