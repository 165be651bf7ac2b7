import { notFound } from '@parcours/domain/errors';
import { catalogRepo } from '@parcours/store';
import { api } from '../api.ts';

export const handler = api('paths-get', async ({ params }) => {
  const path = await catalogRepo.getPath(params.id);
  if (!path) throw notFound('path', params.id);
  return { body: path };
});
