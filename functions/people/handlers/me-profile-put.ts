import { api } from '../api.ts';
import { toProfileView, updateMyProfile } from '../notification-profile.ts';

export const handler = api('me-profile-put', async ({ principal, event, body }) => ({
  body: toProfileView(await updateMyProfile(principal, event, body)),
}));
