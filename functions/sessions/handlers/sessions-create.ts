import { parseIdempotencyKey } from '@parcours/domain/lms/idempotency';
import { toSessionView } from '@parcours/store';
import { sessionRepo } from '@parcours/store/session-repo';
import { api } from '../api.ts';

export const handler = api('sessions-create', async ({ body, principal, event }) => {
  const idempotencyKey = parseIdempotencyKey(event.headers?.['idempotency-key']);
  const { session, replayed } = await sessionRepo.create(body, { by: principal.userId, idempotencyKey });
  return {
    status: 201,
    body: toSessionView(session),
    headers: {
      location: `/sessions/${session.id}`,
      ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
    },
  };
});
