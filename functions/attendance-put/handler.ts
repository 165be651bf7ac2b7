import { api } from '../lib/api.ts';
import { takeAttendance } from '../lib/attendance.ts';

export const handler = api('attendance-put', async ({ principal, params, body }) => ({
  body: await takeAttendance(principal, params.id, body),
}));
