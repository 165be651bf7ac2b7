import { linkConfig } from '../../shared/links.ts';
import { api } from '../api.ts';
import { unsubscribeWithToken } from '../notification-profile.ts';

linkConfig(); // cold start: no signing secret, no function

export const handler = api('preferences-unsubscribe', async ({ query }) => ({
  body: await unsubscribeWithToken(query.token),
}));
