import { unsubscribeQuery } from '@parcours/domain/api/notifications-api';
import { invalid } from '@parcours/domain/errors';
import { linkConfig } from '../../shared/links.ts';
import { api } from '../api.ts';
import { unsubscribeWithToken } from '../notification-profile.ts';

linkConfig(); // cold start: no signing secret, no function

/** RFC 8058: the mail provider POSTs `List-Unsubscribe=One-Click` to the List-Unsubscribe URL; the token is in it. */
export const handler = api('preferences-unsubscribe-post', async ({ event }) => {
  const q = unsubscribeQuery.safeParse(event.queryStringParameters ?? {});
  if (!q.success) throw invalid('validation-failed', 'Invalid query string');
  return { body: await unsubscribeWithToken(q.data.token) };
});
