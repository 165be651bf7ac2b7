import { api } from '../lib/api.ts';

export const handler = api('me-get', async ({ principal }) => ({ body: principal }));
