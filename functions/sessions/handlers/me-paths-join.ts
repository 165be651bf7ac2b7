import { nowIso } from '@parcours/domain/clock';
import { catalog } from '@parcours/domain/content/catalog';
import { notFound } from '@parcours/domain/errors';
import { joinPath } from '@parcours/store';
import { api } from '../api.ts';

export const handler = api('me-paths-join', async ({ principal, params }) => {
  const path = catalog().paths.find((p) => p.id === params.id);
  if (!path) throw notFound('path', params.id);
  const { joinedAt } = await joinPath(principal.userId, path.id, nowIso());
  const newcomer = Boolean(path.cohortStart && joinedAt.slice(0, 10) > path.cohortStart);
  return { body: { pathId: path.id, joinedAt, newcomer } };
});
