import { api } from '../api.ts';
import { listClients } from '../clients.ts';

export const handler = api('lrs-clients-list', async () => ({ body: { items: await listClients() } }));
