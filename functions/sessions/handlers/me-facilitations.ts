import { nowIso } from '@parcours/domain/clock';
import { invalid } from '@parcours/domain/errors';
import { toSessionView } from '@parcours/store';
import { sessionRepo } from '@parcours/store/session-repo';
import { api } from '../api.ts';

export const handler = api('me-facilitations', async ({ query, principal }) => {
  if (query.from !== undefined && query.to !== undefined && query.to <= query.from) {
    throw invalid('invalid-range', '`to` must be after `from`', { from: query.from, to: query.to });
  }
  const items = await sessionRepo.facilitations(principal.userId, query, nowIso());
  return { body: { items: items.map(({ role, session }) => ({ role, session: toSessionView(session) })) } };
});
