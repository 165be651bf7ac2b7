import { api } from '../api.ts';
import { listFailed } from '../failed-notifications.ts';

export const handler = api('notifications-failed-list', async ({ query }) => ({
  body: await listFailed(query.limit ?? 50, query.cursor),
}));
