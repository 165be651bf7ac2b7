import { unsubscribeQuery } from '@parcours/domain/api/notifications-api';
import { invalid } from '@parcours/domain/errors';
import { api } from '../lib/api.ts';
import { linkConfig } from '../lib/notifications/links.ts';
import { unsubscribeWithToken } from '../lib/notifications/profile.ts';

linkConfig(); // cold start: no signing secret, no function

/** RFC 8058: the mail provider POSTs `List-Unsubscribe=One-Click` to the List-Unsubscribe URL; the token is in it. */
export const handler = api('preferences-unsubscribe-post', async ({ event }) => {
  const q = unsubscribeQuery.safeParse(event.queryStringParameters ?? {});
  if (!q.success) throw invalid('validation-failed', 'Invalid query string');
  return { body: await unsubscribeWithToken(q.data.token) };
});
