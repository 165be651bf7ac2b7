/**
 * The calendar: sessions by module (GSI1), by site (GSI2), or by UTC month buckets (GSI3) over [from, to), with
 * Queries only. Other filters are applied here; pages are cut on (start, id), the order of all three indexes.
 */
import type { listSessionsQuery } from '@parcours/domain/api/sessions-api';
import { catalog } from '@parcours/domain/content/catalog';
import { decodeCursor, encodeCursor, positionKey } from '@parcours/domain/lms/cursor';
import {
  matchesListFilters,
  monthBuckets,
  pathIncludesModule,
  resolveListRange,
} from '@parcours/domain/lms/session-rules';
import type { z } from 'zod/mini';
import { queryPages } from './gateway.ts';
import { keys } from './keys.ts';
import { MicroCache } from './read-cache.ts';
import type { StoredSession } from './session-item.ts';
import { TABLE } from './table.ts';

export type ListSessionsInput = z.infer<typeof listSessionsQuery>;
export interface SessionPage {
  items: StoredSession[];
  nextCursor?: string;
}

/** Month buckets read in parallel per round trip. */
const WINDOW = 4;

/** The calendar changes only with session items (times, counters, status): `session#<id>` partitions. */
const listingCache = new MicroCache<SessionPage>(1_000, (pk) => pk.startsWith(keys.session.partitionPrefix));

/** The calendar, through a one-second micro-cache: a burst of identical listings makes one read. */
export function listSessions(q: ListSessionsInput, now: string): Promise<SessionPage> {
  // `now` moves every millisecond: the listing's lower bound is taken to the second for the key.
  return listingCache.get(JSON.stringify([q, now.slice(0, 19)]), () => listUncached(q, now));
}

/** The modules of the path filtered on (none if the path does not exist). */
function pathModules(pathId: string, moduleId: string | undefined) {
  const path = catalog().paths.find((p) => p.id === pathId);
  const modules: ReadonlySet<string> = new Set(
    path
      ? [path.entryModuleId, ...path.electiveModuleIds, ...(path.coachModuleId ? [path.coachModuleId] : [])]
      : [],
  );
  const disjoint = path !== undefined && moduleId !== undefined && !pathIncludesModule(path, moduleId);
  return { modules, disjoint };
}

async function listUncached(q: ListSessionsInput, now: string): Promise<SessionPage> {
  const range = resolveListRange(q, now);
  const after = q.cursor !== undefined ? decodeCursor(q.cursor) : undefined;
  const limit = q.limit ?? 50;
  const lo = after && positionKey(after) > range.from ? positionKey(after) : range.from;
  // Every sort key of a session starting before `to` is `<start>#<id>` < `to` (ISO strings of equal length).
  const hi = range.to;
  if (lo >= hi) return { items: [] };

  let modules: ReadonlySet<string> | undefined;
  if (q.pathId !== undefined) {
    const p = await pathModules(q.pathId, q.moduleId);
    if (p.disjoint) return { items: [] };
    modules = p.modules;
  }

  const sources: { index: 'gsi1' | 'gsi2' | 'gsi3'; pk: string }[] =
    q.moduleId !== undefined
      ? [{ index: 'gsi1', pk: keys.session.moduleIndexPk(q.moduleId) }]
      : q.site !== undefined
        ? [{ index: 'gsi2', pk: keys.session.siteIndexPk(q.site) }]
        : monthBuckets(lo.slice(0, 24), hi).map((m) => ({
            index: 'gsi3' as const,
            pk: keys.session.monthIndexPk(m),
          }));
  const filtered =
    q.pathId !== undefined || q.status !== undefined || (q.moduleId !== undefined && q.site !== undefined);

  // One item beyond the page tells whether there is a next page, so the last page has no cursor.
  const readSource = async (src: (typeof sources)[number]): Promise<StoredSession[]> => {
    const idx = TABLE.indexes[src.index];
    const rows: StoredSession[] = [];
    const pages = queryPages<StoredSession>({
      IndexName: idx.name,
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :lo AND :hi',
      ExpressionAttributeNames: { '#pk': idx.partitionKey, '#sk': idx.sortKey },
      ExpressionAttributeValues: { ':pk': src.pk, ':lo': lo, ':hi': hi },
      Limit: Math.min(1000, (limit + 1) * (filtered ? 4 : 1)),
    });
    for await (const page of pages) {
      for (const raw of page.items) {
        if (after && raw.start === after.start && raw.id === after.id) continue; // BETWEEN is inclusive
        if (!matchesListFilters(raw, q, modules)) continue;
        rows.push(raw);
        if (rows.length > limit) break;
      }
      if (rows.length > limit) break;
    }
    return rows;
  };
  // Month buckets are read a few at a time, in parallel (a listing spans up to a year of mostly sparse months:
  // one round trip per window instead of one per month), and kept in calendar order.
  const found: StoredSession[] = [];
  for (let i = 0; i < sources.length && found.length <= limit; i += WINDOW) {
    const pages = await Promise.all(sources.slice(i, i + WINDOW).map(readSource));
    for (const rows of pages) found.push(...rows);
  }
  const items = found.slice(0, limit);
  const last = items[items.length - 1];
  return found.length > limit && last ? { items, nextCursor: encodeCursor(last) } : { items };
}
