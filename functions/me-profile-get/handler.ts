import { api } from '../lib/api.ts';
import { myProfile, toProfileView } from '../lib/notifications/profile.ts';

export const handler = api('me-profile-get', async ({ principal, event }) => ({
  body: toProfileView(await myProfile(principal, event)),
}));
