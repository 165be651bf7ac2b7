import { api } from '../lib/api.ts';
import { toProfileView, updateMyProfile } from '../lib/notifications/profile.ts';

export const handler = api('me-profile-put', async ({ principal, event, body }) => ({
  body: toProfileView(await updateMyProfile(principal, event, body)),
}));
