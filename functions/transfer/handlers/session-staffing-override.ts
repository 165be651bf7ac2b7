import { api } from '../api.ts';
import { overrideStaffing } from '../staffing.ts';

export const handler = api('session-staffing-override', async ({ principal, params, body }) => ({
  body: await overrideStaffing(principal, params.id, body.reason),
}));
