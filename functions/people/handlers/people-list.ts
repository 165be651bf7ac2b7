import { api } from '../api.ts';
import { listPeopleView } from '../people-admin.ts';

export const handler = api('people-list', async ({ query }) => ({ body: await listPeopleView(query) }));
