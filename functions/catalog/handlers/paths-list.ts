import { catalogRepo } from '@parcours/store';
import { api } from '../api.ts';

export const handler = api('paths-list', async () => ({ body: { items: await catalogRepo.listPaths() } }));
