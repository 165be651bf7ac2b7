import { type ApiClient, must, useApi } from '../../../api/client.ts';
import type { Answer, Enrolment, Module, Path, Progress, Session, Site } from '../../../api/types.ts';
import { type Resource, useResource } from '../../../hooks/use-resource.ts';

export type Competency = Answer<'competencies-list'>['items'][number];

export interface CatalogData {
  /** All modules, archived ones included (flagged): a path or a prerequisite may still name one. */
  modules: Module[];
  paths: Path[];
  sites: Site[];
  competencies: Competency[];
}

/** Fresh on every visit (not the app-wide cache of use-catalog.ts): archiving must show without a reload. */
export function useCatalogData(): [Resource<CatalogData>, () => void] {
  const api = useApi();
  return useResource(async () => {
    const [modules, paths, sites, competencies] = await Promise.all([
      must(api.GET('/modules')),
      must(api.GET('/paths')),
      must(api.GET('/sites')),
      must(api.GET('/competencies')),
    ]);
    return {
      modules: modules.items,
      paths: paths.items,
      sites: sites.items,
      competencies: competencies.items,
    };
  }, [api]);
}

export function useProgress(): [Resource<Progress>, () => void] {
  const api = useApi();
  return useResource(() => must(api.GET('/me/progress')), [api]);
}

const ACTIVE = new Set<Enrolment['status']>(['enrolled', 'waitlisted']);

/** My active bookings (seat or waitlist place), by session id. */
export function useMyBookings(): [Resource<Map<string, Enrolment>>, () => void] {
  const api = useApi();
  return useResource(async () => {
    const { items } = await must(api.GET('/me/enrolments'));
    return new Map(items.filter((e) => ACTIVE.has(e.status)).map((e) => [e.sessionId, e]));
  }, [api]);
}

/** The API lists at most 24 months at once (MAX_LIST_MONTHS): the whole bookable horizon, minus a day of margin. */
function horizon(from: Date): string {
  const to = new Date(from);
  to.setUTCMonth(to.getUTCMonth() + 24);
  to.setUTCDate(to.getUTCDate() - 1);
  return to.toISOString();
}

/** Every scheduled session of a module from now on, following the cursor to the last page. */
export async function upcomingSessions(api: ApiClient, moduleId: string): Promise<Session[]> {
  const now = new Date();
  const from = now.toISOString();
  const to = horizon(now);
  const out: Session[] = [];
  let cursor: string | undefined;
  do {
    const page = await must(
      api.GET('/sessions', {
        params: {
          query: { moduleId, from, to, status: 'scheduled', limit: 200, ...(cursor ? { cursor } : {}) },
        },
      }),
    );
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}
