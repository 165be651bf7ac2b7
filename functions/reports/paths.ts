import { nowDate } from '@parcours/domain/clock';
import { catalog } from '@parcours/domain/content/catalog';
import { invalid } from '@parcours/domain/errors';
import {
  addCounters,
  type Counters,
  type PathPeriodStats,
  pathStats,
} from '@parcours/domain/reports/aggregates';
import { NO_PATH } from '@parcours/domain/reports/contributions';
import { decodeReportCursor, encodeReportCursor, queryHash } from '@parcours/domain/reports/cursor';
import { monthsBetween, parisMonth, previousMonth } from '@parcours/domain/reports/paris-time';
import type { ReportScope } from '@parcours/domain/reports/scope';
import type { Principal } from '@parcours/domain/roles';
import { readPathCounters } from '@parcours/store/report-counters';
import { scopeOf } from './agents.ts';

export type PathRow = { pathId: string; month?: string; from: string; to: string } & PathPeriodStats;

export interface PathsQuery {
  path?: string | undefined;
  service?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  granularity?: 'month' | 'total' | undefined;
}

/** Default period: the last 12 months, this one included (Paris time). */
export function defaultPeriod(now = nowDate()): { from: string; to: string } {
  const to = parisMonth(now.toISOString());
  let from = to;
  for (let i = 0; i < 11; i++) from = previousMonth(from);
  return { from, to };
}

const MAX_MONTHS = 60;

/**
 * Enrolments, completions, attendance, no-shows, path completions (services in scope) and satisfaction (all
 * services: responses are anonymous) per path and month, or per path over the period. Reads the path counters
 * (months × services small items), never the enrolments themselves.
 */
export async function pathRows(
  principal: Principal,
  q: PathsQuery,
): Promise<{ scope: ReportScope; rows: PathRow[] }> {
  const c = catalog();
  const scope = scopeOf(principal, q.service);
  if (q.path && !c.paths.some((p) => p.id === q.path))
    throw invalid('unknown-path', `Unknown path '${q.path}'`);
  const def = defaultPeriod();
  const from = q.from ?? (q.to && q.to < def.from ? q.to : def.from);
  const to = q.to ?? [from, def.to].sort()[1]!;
  const months = monthsBetween(from, to);
  if (months.length > MAX_MONTHS) throw invalid('period-too-long', `At most ${MAX_MONTHS} months`);
  const pathIds = q.path ? [q.path] : [...c.paths.map((p) => p.id), NO_PATH];
  const items = await readPathCounters(pathIds, from, to);
  const inScope = (s: string | undefined) => s !== undefined && (scope.all || scope.services.includes(s));
  const enrol = new Map<string, Counters>();
  const evals = new Map<string, Counters>();
  for (const it of items) {
    const k = `${it.pathId}|${it.month}`;
    if (it.service === undefined) evals.set(k, addCounters(evals.get(k) ?? {}, it.counters));
    else if (inScope(it.service)) enrol.set(k, addCounters(enrol.get(k) ?? {}, it.counters));
  }
  const rows: PathRow[] = [];
  for (const pathId of pathIds) {
    const hasData = months.some((m) => enrol.has(`${pathId}|${m}`) || evals.has(`${pathId}|${m}`));
    // Outside-path activity is listed only when there is some.
    if (pathId === NO_PATH && !hasData) continue;
    if (q.granularity === 'total') {
      const e: Counters = {};
      const v: Counters = {};
      for (const m of months) {
        addCounters(e, enrol.get(`${pathId}|${m}`));
        addCounters(v, evals.get(`${pathId}|${m}`));
      }
      rows.push({ pathId, from, to, ...pathStats(e, v) });
    } else {
      for (const m of months)
        rows.push({
          pathId,
          month: m,
          from: m,
          to: m,
          ...pathStats(enrol.get(`${pathId}|${m}`) ?? {}, evals.get(`${pathId}|${m}`) ?? {}),
        });
    }
  }
  return { scope, rows };
}

/** A page of rows; the cursor is the position (path index, month) of the last row returned. */
export async function pathsPage(
  principal: Principal,
  q: PathsQuery & { limit?: number | undefined; cursor?: string | undefined },
): Promise<{ scope: ReportScope; items: PathRow[]; nextCursor?: string }> {
  const { scope, rows } = await pathRows(principal, q);
  const hash = queryHash(['paths', scope.all ? '*' : scope.services, q.path, q.from, q.to, q.granularity]);
  const shape = { report: 'paths', order: q.granularity ?? 'month', dir: 'asc' } as const;
  const pos = (i: number) => `${String(i).padStart(6, '0')}`;
  const start = q.cursor ? Number(decodeReportCursor(q.cursor, shape, hash)) + 1 : 0;
  if (!Number.isInteger(start) || start < 0)
    throw invalid('invalid-cursor', 'The cursor is not valid for this query');
  const limit = q.limit ?? 100;
  const items = rows.slice(start, start + limit);
  const last = start + items.length - 1;
  return {
    scope,
    items,
    ...(last + 1 < rows.length ? { nextCursor: encodeReportCursor({ ...shape, key: pos(last) }, hash) } : {}),
  };
}
