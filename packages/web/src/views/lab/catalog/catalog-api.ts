import { useMemo } from 'preact/hooks';
import { type ApiClient, must, useApi } from '../../../api/client.ts';
import type { Entities, HistoryEntry, Kind, View } from './catalog-types.ts';

/** The catalogue's routes for one kind, typed from schema.d.ts. Services have no delete (archive only). */
export interface KindApi<K extends Kind> {
  list(): Promise<View<K>[]>;
  get(id: string): Promise<View<K>>;
  create(entity: Entities[K]): Promise<View<K>>;
  /** Sends the version the form was loaded with: 409 `stale-version` if someone saved since. */
  update(entity: Entities[K], version: number): Promise<View<K>>;
  archive(id: string, version: number): Promise<View<K>>;
  restore(id: string, version: number): Promise<View<K>>;
  remove?: (id: string, version: number) => Promise<void>;
  history(id: string): Promise<HistoryEntry[]>;
}
export type CatalogApi = { [K in Kind]: KindApi<K> };

const p = (id: string) => ({ params: { path: { id } } });

/** One table of literal routes (the typed client needs literal paths: no `/${kind}` template). */
function catalogApi(api: ApiClient): CatalogApi {
  return {
    modules: {
      list: async () => (await must(api.GET('/modules'))).items,
      get: (id) => must(api.GET('/modules/{id}', p(id))),
      create: (body) => must(api.POST('/modules', { body })),
      update: (e, version) => must(api.PUT('/modules/{id}', { ...p(e.id), body: { ...e, version } })),
      archive: (id, version) => must(api.POST('/modules/{id}/archive', { ...p(id), body: { version } })),
      restore: (id, version) => must(api.POST('/modules/{id}/restore', { ...p(id), body: { version } })),
      remove: (id, version) =>
        must(api.DELETE('/modules/{id}', { params: { path: { id }, query: { version } } })).then(
          () => undefined,
        ),
      history: async (id) => (await must(api.GET('/modules/{id}/history', p(id)))).items,
    },
    paths: {
      list: async () => (await must(api.GET('/paths'))).items,
      get: (id) => must(api.GET('/paths/{id}', p(id))),
      create: (body) => must(api.POST('/paths', { body })),
      update: (e, version) => must(api.PUT('/paths/{id}', { ...p(e.id), body: { ...e, version } })),
      archive: (id, version) => must(api.POST('/paths/{id}/archive', { ...p(id), body: { version } })),
      restore: (id, version) => must(api.POST('/paths/{id}/restore', { ...p(id), body: { version } })),
      remove: (id, version) =>
        must(api.DELETE('/paths/{id}', { params: { path: { id }, query: { version } } })).then(
          () => undefined,
        ),
      history: async (id) => (await must(api.GET('/paths/{id}/history', p(id)))).items,
    },
    sites: {
      list: async () => (await must(api.GET('/sites'))).items,
      get: (id) => must(api.GET('/sites/{id}', p(id))),
      create: (body) => must(api.POST('/sites', { body })),
      update: (e, version) => must(api.PUT('/sites/{id}', { ...p(e.id), body: { ...e, version } })),
      archive: (id, version) => must(api.POST('/sites/{id}/archive', { ...p(id), body: { version } })),
      restore: (id, version) => must(api.POST('/sites/{id}/restore', { ...p(id), body: { version } })),
      remove: (id, version) =>
        must(api.DELETE('/sites/{id}', { params: { path: { id }, query: { version } } })).then(
          () => undefined,
        ),
      history: async (id) => (await must(api.GET('/sites/{id}/history', p(id)))).items,
    },
    competencies: {
      list: async () => (await must(api.GET('/competencies'))).items,
      get: (id) => must(api.GET('/competencies/{id}', p(id))),
      create: (body) => must(api.POST('/competencies', { body })),
      update: (e, version) => must(api.PUT('/competencies/{id}', { ...p(e.id), body: { ...e, version } })),
      archive: (id, version) => must(api.POST('/competencies/{id}/archive', { ...p(id), body: { version } })),
      restore: (id, version) => must(api.POST('/competencies/{id}/restore', { ...p(id), body: { version } })),
      remove: (id, version) =>
        must(api.DELETE('/competencies/{id}', { params: { path: { id }, query: { version } } })).then(
          () => undefined,
        ),
      history: async (id) => (await must(api.GET('/competencies/{id}/history', p(id)))).items,
    },
    services: {
      list: async () => (await must(api.GET('/services'))).items,
      get: (id) => must(api.GET('/services/{id}', p(id))),
      create: (body) => must(api.POST('/services', { body })),
      update: (e, version) => must(api.PUT('/services/{id}', { ...p(e.id), body: { ...e, version } })),
      archive: (id, version) => must(api.POST('/services/{id}/archive', { ...p(id), body: { version } })),
      restore: (id, version) => must(api.POST('/services/{id}/restore', { ...p(id), body: { version } })),
      history: async (id) => (await must(api.GET('/services/{id}/history', p(id)))).items,
    },
  };
}

/** The catalogue routes for the signed-in person (the lab role is checked again by the API). */
export function useCatalogApi(): CatalogApi {
  const api = useApi();
  return useMemo(() => catalogApi(api), [api]);
}
