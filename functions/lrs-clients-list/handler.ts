import { api } from '../lib/api.ts';
import { listClients } from '../lib/lrs/clients.ts';

export const handler = api('lrs-clients-list', async () => ({ body: { items: await listClients() } }));
