import { catalogRepo } from '@parcours/store';
import { api } from '../api.ts';

export const handler = api('sites-list', async () => ({ body: { items: await catalogRepo.listSites() } }));
