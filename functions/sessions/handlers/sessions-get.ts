import { notFound } from '@parcours/domain/errors';
import { toSessionView } from '@parcours/store';
import { sessionRepo } from '@parcours/store/session-repo';
import { api } from '../api.ts';

export const handler = api('sessions-get', async ({ params }) => {
  const session = await sessionRepo.get(params.id);
  if (!session) throw notFound('session', params.id);
  return { body: toSessionView(session) };
});
