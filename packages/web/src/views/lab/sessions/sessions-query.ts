import type { ApiClient } from '../../../api/client.ts';
import { must } from '../../../api/client.ts';
import type { Session } from '../../../api/types.ts';
import { currentMonth, isMonth, type Month, monthRange } from './paris-time.ts';
import { type SessionStatus, STATUSES } from './session-helpers.ts';

/**
 * What the list page shows, kept in its address (`?mois=2026-03&module=…&site=…&formateur=…&statut=…&vue=calendrier`)
 * so that coming back from a session, reloading or sharing the link shows the same month and filters.
 */
export interface ListFilters {
  month: Month;
  moduleId: string;
  site: string;
  /** Client-side: the API has no filter on facilitators. */
  trainerId: string;
  status: SessionStatus | '';
  view: 'list' | 'calendar';
}

export function filtersFromSearch(search: URLSearchParams): ListFilters {
  const month = search.get('mois');
  const status = search.get('statut') ?? '';
  return {
    month: isMonth(month) ? month : currentMonth(),
    moduleId: search.get('module') ?? '',
    site: search.get('site') ?? '',
    trainerId: search.get('formateur') ?? '',
    status: STATUSES.find((s) => s === status) ?? '',
    view: search.get('vue') === 'calendrier' ? 'calendar' : 'list',
  };
}

export function filtersToSearch(f: ListFilters): string {
  const q = new URLSearchParams();
  q.set('mois', f.month);
  if (f.moduleId) q.set('module', f.moduleId);
  if (f.site) q.set('site', f.site);
  if (f.trainerId) q.set('formateur', f.trainerId);
  if (f.status) q.set('statut', f.status);
  if (f.view === 'calendar') q.set('vue', 'calendrier');
  return `?${q.toString()}`;
}

const PAGE_SIZE = 200;
/** 50 pages of 200 sessions in one month is far beyond the programme: past it, something loops. */
const MAX_PAGES = 50;

/**
 * Every session of the month matching the server-side filters, following `nextCursor` to the end. Any page that
 * fails fails the whole read: the lab never sees a month with sessions silently missing.
 */
export async function loadMonthSessions(
  api: ApiClient,
  f: Pick<ListFilters, 'month' | 'moduleId' | 'site' | 'status'>,
  incompleteMessage: string,
): Promise<Session[]> {
  const { from, to } = monthRange(f.month);
  const items: Session[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const r = await must(
      api.GET('/sessions', {
        params: {
          query: {
            from,
            to,
            limit: PAGE_SIZE,
            ...(f.moduleId ? { moduleId: f.moduleId } : {}),
            ...(f.site ? { site: f.site } : {}),
            ...(f.status ? { status: f.status } : {}),
            ...(cursor ? { cursor } : {}),
          },
        },
      }),
    );
    items.push(...r.items);
    if (!r.nextCursor) return items.sort((a, b) => a.start.localeCompare(b.start));
    if (seen.has(r.nextCursor)) break;
    seen.add(r.nextCursor);
    cursor = r.nextCursor;
  }
  throw new Error(incompleteMessage);
}

/** The trainer filter, applied on the loaded month. */
export function byTrainer(items: Session[], trainerId: string): Session[] {
  return trainerId ? items.filter((s) => s.facilitators.some((x) => x.trainerId === trainerId)) : items;
}
