import { useResource } from '../../../hooks/use-resource.ts';
import { useCatalogApi } from './catalog-api.ts';
import type { Kind, View } from './catalog-types.ts';

/**
 * The items of a kind a form refers to (a module's competencies and prerequisites, a path's modules). Until they
 * arrive, or if they fail, an empty list: the form still works with what the item already names.
 */
export function useKindList<K extends Kind>(kind: K): View<K>[] {
  const api = useCatalogApi();
  const [list] = useResource(() => api[kind].list(), [api, kind]);
  return list.status === 'ready' ? list.data : [];
}

/** Options for a select or checkboxes: items in service, plus those already chosen (even archived), by name. */
export function optionsOf<T extends { id: string; archived: boolean }>(
  items: T[],
  chosen: string[],
  name: (item: T) => string,
  except: string[] = [],
): { value: string; label: string }[] {
  const shown = items.filter((i) => !except.includes(i.id) && (!i.archived || chosen.includes(i.id)));
  const known = new Set(shown.map((i) => i.id));
  return [
    ...shown.map((i) => ({ value: i.id, label: name(i) })),
    ...chosen.filter((id) => !known.has(id) && !except.includes(id)).map((id) => ({ value: id, label: id })),
  ];
}
