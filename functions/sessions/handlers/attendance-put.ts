import { api } from '../api.ts';
import { takeAttendance } from '../attendance.ts';

export const handler = api('attendance-put', async ({ principal, params, body }) => ({
  body: await takeAttendance(principal, params.id, body),
}));
