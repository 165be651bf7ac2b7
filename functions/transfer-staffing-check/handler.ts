import { api } from '../lib/api.ts';
import { proposedStaffingCheck } from '../lib/transfer/staffing.ts';

export const handler = api('transfer-staffing-check', async ({ body }) => ({
  body: await proposedStaffingCheck(body),
}));
