import { api } from '../lib/api.ts';
import { linkConfig } from '../lib/notifications/links.ts';
import { unsubscribeWithToken } from '../lib/notifications/profile.ts';

linkConfig(); // cold start: no signing secret, no function

export const handler = api('preferences-unsubscribe', async ({ query }) => ({
  body: await unsubscribeWithToken(query.token),
}));
