import { notFound } from '@parcours/domain/errors';
import { catalogRepo } from '@parcours/store';
import { api } from '../api.ts';

export const handler = api('modules-get', async ({ params }) => {
  const module = await catalogRepo.getModule(params.id);
  if (!module) throw notFound('module', params.id);
  return { body: module };
});
