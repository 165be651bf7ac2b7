import { api } from '../api.ts';
import { resendFailed } from '../failed-notifications.ts';

export const handler = api('notifications-failed-resend', async ({ params }) => ({
  body: await resendFailed(params.id),
}));
