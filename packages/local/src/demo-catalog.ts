import type { Catalog } from '@parcours/domain/content/schemas';

/** What the demo plans with: the live catalogue, read through the API as the lab's cockpit reads it. */
export type DemoCatalog = Pick<Catalog, 'modules' | 'paths' | 'sites'>;

export async function fetchDemoCatalog(apiUrl: string): Promise<DemoCatalog> {
  const list = async <T>(path: string): Promise<T[]> => {
    const r = await fetch(`${apiUrl}${path}`);
    if (!r.ok) throw new Error(`demo data: GET ${path} answered ${r.status}`);
    return ((await r.json()) as { items: (T & { archived: boolean })[] }).items.filter((x) => !x.archived);
  };
  const [modules, paths, sites] = await Promise.all([
    list<Catalog['modules'][number]>('/modules'),
    list<Catalog['paths'][number]>('/paths'),
    list<Catalog['sites'][number]>('/sites'),
  ]);
  return { modules, paths, sites };
}
