import { nowIso } from '@parcours/domain/clock';
import { api } from '../lib/api.ts';
import { catchUpPlan } from '../lib/catch-up.ts';

/** My catch-up plan (functions/lib/catch-up.ts): empty lists unless I joined a path after its cohort started. */
export const handler = api('me-catch-up', async ({ principal }) => ({
  body: { paths: await catchUpPlan(principal.userId, nowIso()) },
}));
