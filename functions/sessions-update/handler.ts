import { toSessionView } from '@parcours/store';
import { sessionRepo } from '@parcours/store/session-repo';
import { api } from '../lib/api.ts';

export const handler = api('sessions-update', async ({ params, body, principal }) => {
  const session = await sessionRepo.update(params.id, body, { by: principal.userId });
  return { body: toSessionView(session) };
});
