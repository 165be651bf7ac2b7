import { api } from '../api.ts';
import { listRegistry } from '../trainers.ts';

export const handler = api('trainers-list', async () => ({ body: await listRegistry() }));
