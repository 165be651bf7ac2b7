import { useEffect, useState } from 'preact/hooks';
import { apiJson } from '../api/http.ts';
import type { Items, Module, Path, Site } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

export interface Catalog {
  modules: Module[];
  paths: Path[];
  sites: Site[];
}

let pending: Promise<Catalog> | undefined;

/** The public catalog (modules, paths, sites), fetched once per page load. */
function loadCatalog(): Promise<Catalog> {
  pending ??= Promise.all([
    apiJson<Items<Module>>('/modules'),
    apiJson<Items<Path>>('/paths'),
    apiJson<Items<Site>>('/sites'),
  ]).then(([m, p, s]) => ({ modules: m.items, paths: p.items, sites: s.items }));
  pending.catch(() => {
    pending = undefined;
  });
  return pending;
}

export interface CatalogNames {
  catalog?: Catalog;
  moduleTitle: (id: string) => string;
  pathTitle: (id: string) => string;
  siteName: (id: string) => string;
}

/** Names for ids, in the current language; ids until the catalog has arrived. */
export function useCatalog(): CatalogNames {
  const { text } = useI18n();
  const [catalog, setCatalog] = useState<Catalog>();
  useEffect(() => {
    loadCatalog().then(setCatalog, () => undefined);
  }, []);
  return {
    ...(catalog ? { catalog } : {}),
    moduleTitle: (id) => text(catalog?.modules.find((m) => m.id === id)?.title, id),
    pathTitle: (id) => text(catalog?.paths.find((p) => p.id === id)?.title, id),
    siteName: (id) => catalog?.sites.find((s) => s.id === id)?.name ?? id,
  };
}
