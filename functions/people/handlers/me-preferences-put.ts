import { api } from '../api.ts';
import { setMyPreferences, toProfileView } from '../notification-profile.ts';

export const handler = api('me-preferences-put', async ({ principal, event, body }) => ({
  body: toProfileView(await setMyPreferences(principal, event, body)).preferences,
}));
