import { must, useApi } from '../../../api/client.ts';
import type { CatalogService } from '../../../api/types.ts';
import { useResource } from '../../../hooks/use-resource.ts';

/**
 * The catalogue's services, read when the page opens (not the app-wide cache: a service the lab has just created
 * in the catalogue is choosable here at once). Names for ids; ids until the list has arrived.
 */
export function useServices() {
  const api = useApi();
  const [services] = useResource(async () => (await must(api.GET('/services'))).items, [api]);
  const all: CatalogService[] = services.status === 'ready' ? services.data : [];
  return {
    ready: services.status === 'ready',
    all,
    live: all.filter((s) => !s.archived),
    serviceName: (id: string) => all.find((s) => s.id === id)?.name ?? id,
  };
}
