import { nowIso } from '@parcours/domain/clock';
import { catalog } from '@parcours/domain/content/catalog';
import { conflict, notFound } from '@parcours/domain/errors';
import { joinPath } from '@parcours/store';
import { markCatalogItemUsed } from '@parcours/store/catalog-writes';
import { api } from '../api.ts';

export const handler = api('me-paths-join', async ({ principal, params }) => {
  const path = catalog().paths.find((p) => p.id === params.id);
  if (!path) throw notFound('path', params.id);
  if (path.archived)
    throw conflict('path-archived', `Path '${path.id}' is archived: it takes no new members`);
  const now = nowIso();
  await markCatalogItemUsed('path', path.id, now);
  const { joinedAt } = await joinPath(principal.userId, path.id, now);
  const newcomer = Boolean(path.cohortStart && joinedAt.slice(0, 10) > path.cohortStart);
  return { body: { pathId: path.id, joinedAt, newcomer } };
});
