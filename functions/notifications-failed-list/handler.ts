import { api } from '../lib/api.ts';
import { listFailed } from '../lib/notifications/failed.ts';

export const handler = api('notifications-failed-list', async ({ query }) => ({
  body: await listFailed(query.limit ?? 50, query.cursor),
}));
