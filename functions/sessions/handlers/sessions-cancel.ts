import { toSessionView } from '@parcours/store';
import { sessionRepo } from '@parcours/store/session-repo';
import { api } from '../api.ts';

export const handler = api('sessions-cancel', async ({ params, body, principal }) => {
  const session = await sessionRepo.cancel(params.id, { by: principal.userId, reason: body.reason });
  return { body: toSessionView(session) };
});
