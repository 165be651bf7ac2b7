import { toSessionView } from '@parcours/store';
import { sessionRepo } from '@parcours/store/session-repo';
import { api } from '../api.ts';
import { lmsStatementItems } from '../lms-statements.ts';

export const handler = api('sessions-update', async ({ params, body, principal }) => {
  const session = await sessionRepo.update(params.id, body, {
    by: principal.userId,
    // A learner promoted into an added seat is registered, as when promoted by a cancellation.
    promotionItems: (promoted, s, now) => lmsStatementItems('registered', promoted, s, now),
  });
  return { body: toSessionView(session) };
});
