import { catalogRepo } from '@parcours/store';
import { api } from '../api.ts';

export const handler = api('modules-list', async () => {
  const items = await catalogRepo.listModules();
  return { body: { items } };
});
