import { api } from '../api.ts';
import { sessionStaffingCheck } from '../staffing.ts';

export const handler = api('session-staffing-check', async ({ params }) => ({
  body: await sessionStaffingCheck(params.id),
}));
