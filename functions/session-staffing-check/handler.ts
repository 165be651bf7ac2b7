import { api } from '../lib/api.ts';
import { sessionStaffingCheck } from '../lib/transfer/staffing.ts';

export const handler = api('session-staffing-check', async ({ params }) => ({
  body: await sessionStaffingCheck(params.id),
}));
