import { api } from '../api.ts';
import { proposedStaffingCheck } from '../staffing.ts';

export const handler = api('transfer-staffing-check', async ({ body }) => ({
  body: await proposedStaffingCheck(body),
}));
