import { api } from '../lib/api.ts';
import { setMyPreferences, toProfileView } from '../lib/notifications/profile.ts';

export const handler = api('me-preferences-put', async ({ principal, event, body }) => ({
  body: toProfileView(await setMyPreferences(principal, event, body)).preferences,
}));
