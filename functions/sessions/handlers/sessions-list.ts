import { nowIso } from '@parcours/domain/clock';
import { toSessionView } from '@parcours/store';
import { sessionRepo } from '@parcours/store/session-repo';
import { api } from '../api.ts';

export const handler = api('sessions-list', async ({ query }) => {
  const { items, nextCursor } = await sessionRepo.list(query, nowIso());
  return { body: { items: items.map(toSessionView), ...(nextCursor ? { nextCursor } : {}) } };
});
