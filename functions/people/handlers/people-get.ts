import { api } from '../api.ts';
import { personPageView } from '../people-admin.ts';

export const handler = api('people-get', async ({ params }) => ({ body: await personPageView(params.id) }));
