/**
 * The handlers of one kind of catalogue item (kind-routes.ts): the same eight for every kind, so they are built
 * here rather than written five times. Reads go to the table (consistent: the lab reads back what it saved); edits
 * go through editing.ts, on the programme revision loaded for the request.
 */
import type { CatalogKind } from '@parcours/domain/content/programme';
import { notFound } from '@parcours/domain/errors';
import type { ApiHandler } from '@parcours/http';
import { catalogHistory } from '@parcours/store/catalog-history';
import { getCatalogItem, listCatalogItems } from '@parcours/store/catalog-writes';
import { api } from '../api.ts';
import type { CatalogRoute } from '../context.ts';
import { createItem, deleteItem, setArchived, toView, updateItem } from '../editing.ts';

type Data = Record<string, unknown> & { id: string };
/**
 * The request as this kind's schemas validated it (the route table's generic entries do not carry their types):
 * `params.id` a kebab id, `body` the kind's content (+ version), `query.version` a positive integer.
 */
interface KindRequest {
  params: { id: string };
  query: { version: number };
  body: Data & { version: number };
  principal?: { userId: string };
}
const typed = (req: unknown) => req as KindRequest;
/** Every editing route is the lab's (kind-routes.ts): a principal is always there. */
const by = (req: KindRequest) => {
  if (!req.principal) throw new Error('catalogue edit without a principal: route auth misconfigured');
  return req.principal.userId;
};
type Action = 'list' | 'get' | 'create' | 'update' | 'archive' | 'restore' | 'history';

export function kindHandlers<P extends string>(plural: P, kind: CatalogKind) {
  const name = (a: Action | 'delete') => `${plural}-${a}` as CatalogRoute;
  // Reads do not need the programme in memory: they read the items themselves.
  const read = { skipBefore: true };
  const handlers: Record<string, ApiHandler> = {
    [name('list')]: api(
      name('list'),
      async () => ({ body: { items: (await listCatalogItems(kind)).map(toView) } }),
      read,
    ),
    [name('get')]: api(
      name('get'),
      async (req) => {
        const { id } = typed(req).params;
        const item = await getCatalogItem(kind, id);
        if (!item) throw notFound(kind, id);
        return { body: toView(item) };
      },
      read,
    ),
    [name('create')]: api(name('create'), async (req) => {
      const r = typed(req);
      return { status: 201, body: await createItem(kind, r.body, by(r)) };
    }),
    [name('update')]: api(name('update'), async (req) => {
      const r = typed(req);
      return { body: await updateItem(kind, r.params.id, r.body, by(r)) };
    }),
    [name('archive')]: api(name('archive'), async (req) => {
      const r = typed(req);
      return { body: await setArchived(kind, r.params.id, true, r.body.version, by(r)) };
    }),
    [name('restore')]: api(name('restore'), async (req) => {
      const r = typed(req);
      return { body: await setArchived(kind, r.params.id, false, r.body.version, by(r)) };
    }),
    [name('history')]: api(
      name('history'),
      async (req) => ({ body: { items: await catalogHistory(kind, typed(req).params.id) } }),
      read,
    ),
  };
  return handlers as Record<`${P}-${Action}`, ApiHandler>;
}

export function deleteHandler<P extends string>(plural: P, kind: CatalogKind) {
  const name = `${plural}-delete` as CatalogRoute;
  return {
    [name]: api(name, async (req) => {
      const r = typed(req);
      await deleteItem(kind, r.params.id, r.query.version, by(r));
      return { status: 204 };
    }),
  } as Record<`${P}-delete`, ApiHandler>;
}
