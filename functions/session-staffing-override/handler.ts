import { api } from '../lib/api.ts';
import { overrideStaffing } from '../lib/transfer/staffing.ts';

export const handler = api('session-staffing-override', async ({ principal, params, body }) => ({
  body: await overrideStaffing(principal, params.id, body.reason),
}));
