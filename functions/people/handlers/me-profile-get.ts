import { api } from '../api.ts';
import { myProfile, toProfileView } from '../notification-profile.ts';

export const handler = api('me-profile-get', async ({ principal, event }) => ({
  body: toProfileView(await myProfile(principal, event)),
}));
