import { api } from '../lib/api.ts';
import { signOff } from '../lib/transfer/trainers.ts';

export const handler = api('trainer-sign-offs-create', async ({ principal, params, body }) => ({
  status: 201,
  body: await signOff(principal, params.id, body),
}));
