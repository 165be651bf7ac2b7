import { nowIso } from '@parcours/domain/clock';
import { api } from '../api.ts';
import { catchUpPlan } from '../catch-up.ts';

/** My catch-up plan (functions/sessions/catch-up.ts): empty lists unless I joined a path after its cohort started. */
export const handler = api('me-catch-up', async ({ principal }) => ({
  body: { paths: await catchUpPlan(principal.userId, nowIso()) },
}));
