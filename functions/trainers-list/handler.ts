import { api } from '../lib/api.ts';
import { listRegistry } from '../lib/transfer/trainers.ts';

export const handler = api('trainers-list', async () => ({ body: await listRegistry() }));
