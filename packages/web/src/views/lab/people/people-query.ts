import type { PersonRole } from '../../../api/types.ts';

export const PEOPLE_PATH = '/lab/people';
export const personPath = (id: string) => `${PEOPLE_PATH}/${encodeURIComponent(id)}`;
export const ROLES: readonly PersonRole[] = ['learner', 'trainer', 'hr', 'lab'];

/**
 * What the list shows, kept in its address (`?q=…&role=…&service=…&unassigned=true`) so that coming back from a
 * person, reloading or sharing the link shows the same list. The API filters (names folded, prefixes).
 */
export interface PeopleFilters {
  q: string;
  role: PersonRole | '';
  service: string;
  /** The "service to be assigned" list. */
  unassigned: boolean;
}

export const NO_FILTERS: PeopleFilters = { q: '', role: '', service: '', unassigned: false };

export function filtersFromSearch(search: URLSearchParams): PeopleFilters {
  const role = search.get('role') ?? '';
  return {
    q: (search.get('q') ?? '').slice(0, 100),
    role: ROLES.find((r) => r === role) ?? '',
    service: search.get('service') ?? '',
    unassigned: search.get('unassigned') === 'true',
  };
}

export function filtersToSearch(f: PeopleFilters): string {
  const q = new URLSearchParams();
  if (f.q.trim()) q.set('q', f.q.trim());
  if (f.role) q.set('role', f.role);
  if (f.service) q.set('service', f.service);
  if (f.unassigned) q.set('unassigned', 'true');
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The `GET /people` query of these filters (only what is set). */
export function peopleQuery(f: PeopleFilters) {
  return {
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
    ...(f.role ? { role: f.role } : {}),
    ...(f.service ? { service: f.service } : {}),
    ...(f.unassigned ? { unassigned: 'true' as const } : {}),
  };
}
