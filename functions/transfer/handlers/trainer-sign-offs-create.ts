import { api } from '../api.ts';
import { signOff } from '../trainers.ts';

export const handler = api('trainer-sign-offs-create', async ({ principal, params, body }) => ({
  status: 201,
  body: await signOff(principal, params.id, body),
}));
