import type { agentsQuery } from '@parcours/domain/api/reports-api';
import { catalog } from '@parcours/domain/content/catalog';
import { invalid, notFound } from '@parcours/domain/errors';
import {
  type AgentDetail,
  type AgentOrder,
  type AgentSummary,
  ALL_SERVICES,
  decodeSummary,
  type Listing,
} from '@parcours/domain/reports/agent-model';
import { decodeReportCursor, encodeReportCursor, queryHash } from '@parcours/domain/reports/cursor';
import { type AgentFilters, matchesAgent, mayMatchLine } from '@parcours/domain/reports/filters';
import { type Direction, MergedRows, readPage } from '@parcours/domain/reports/merge';
import { inScope, parseServiceList, type ReportScope, resolveScope } from '@parcours/domain/reports/scope';
import type { Principal } from '@parcours/domain/roles';
import { keys } from '@parcours/store';
import { getAgentRow } from '@parcours/store/report-agents';
import { ListingReader } from '@parcours/store/report-blocks';
import type { z } from 'zod/mini';

type AgentsQuery = z.infer<typeof agentsQuery>;

export const serviceIds = () => catalog().services.map((s) => s.id);

export function scopeOf(principal: Principal, service: string | undefined): ReportScope {
  return resolveScope(principal, parseServiceList(service), serviceIds());
}

export function agentFiltersOf(q: {
  path?: string | undefined;
  competency?: string | undefined;
  minLevel?: AgentFilters['minLevel'] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  missingEntry?: boolean | undefined;
}): AgentFilters {
  const c = catalog();
  if (q.path && !c.paths.some((p) => p.id === q.path))
    throw invalid('unknown-path', `Unknown path '${q.path}'`);
  if (q.competency && !c.competencies.some((x) => x.id === q.competency))
    throw invalid('unknown-competency', `Unknown competency '${q.competency}'`);
  return {
    ...(q.path ? { pathId: q.path } : {}),
    ...(q.competency ? { competencyId: q.competency } : {}),
    ...(q.minLevel ? { minLevel: q.minLevel } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.missingEntry ? { missingEntry: true } : {}),
  };
}

export interface AgentQueryPlan {
  scope: ReportScope;
  listing: Listing;
  dir: Direction;
  filters: AgentFilters;
  hash: string;
}

export function planAgentQuery(
  principal: Principal,
  q: Pick<AgentsQuery, 'service' | 'sort'> & Parameters<typeof agentFiltersOf>[0],
): AgentQueryPlan {
  const scope = scopeOf(principal, q.service);
  const sort = q.sort ?? 'name';
  const order = sort.replace(/^-/, '') as AgentOrder;
  const dir: Direction = sort.startsWith('-') ? 'desc' : 'asc';
  const filters = agentFiltersOf(q);
  if (filters.missingEntry && order !== 'name')
    throw invalid('sort-not-supported', 'Agents missing the entry module are listed by name only');
  const listing: Listing = filters.missingEntry ? 'noentry' : order;
  const hash = queryHash(['agents', listing, dir, scope.all ? '*' : scope.services, filters]);
  return { scope, listing, dir, filters, hash };
}

/** Readers of every listing in scope: the `*` listing for "all services", else one per service (merged). */
export function agentReaders(
  plan: AgentQueryPlan,
  after: string | undefined,
  opts: { firstBatch: number; prefetch?: boolean; maxBatch?: number },
) {
  const scopes = plan.scope.all ? [ALL_SERVICES] : plan.scope.services;
  return scopes.map((s) => new ListingReader(keys.report.listing(s, plan.listing), plan.dir, after, opts));
}

/**
 * Reads one page may make per listing before answering a short page with a cursor (selective filters): 5 requests
 * of at most 8 blocks, ~4,000–6,000 rows examined, so a page answers in bounded time whatever the filter.
 */
const FETCHES_PER_LISTING = 5;
const MAX_BATCH = 8;

export async function listAgents(
  principal: Principal,
  q: AgentsQuery,
): Promise<{ items: AgentSummary[]; nextCursor?: string }> {
  const plan = planAgentQuery(principal, q);
  const limit = q.limit ?? 100;
  const cursorShape = { report: 'agents', order: plan.listing, dir: plan.dir } as const;
  const after = q.cursor ? decodeReportCursor(q.cursor, cursorShape, plan.hash) : undefined;
  const listings = plan.scope.all ? 1 : plan.scope.services.length;
  // Enough blocks for the page in the first round trip (80–160 rows per block, spread over the listings).
  const firstBatch = Math.min(MAX_BATCH, Math.ceil(limit / 90 / listings) + 1);
  const readers = agentReaders(plan, after, { firstBatch, maxBatch: MAX_BATCH });
  const merged = new MergedRows(readers, plan.dir, FETCHES_PER_LISTING * readers.length);
  const filtered = Object.keys(plan.filters).some((k) => k !== 'missingEntry');
  const page = await readPage(merged, limit, (row) => {
    if (filtered && !mayMatchLine(row.line, plan.filters)) return undefined;
    const s = decodeSummary(row.line);
    return !filtered || matchesAgent(s, plan.filters) ? s : undefined;
  });
  return {
    items: page.items,
    ...(page.more && page.lastKey
      ? { nextCursor: encodeReportCursor({ ...cursorShape, key: page.lastKey }, plan.hash) }
      : {}),
  };
}

/** One agent's full report; 404 when unknown or outside the caller's services (existence is not disclosed). */
export async function getAgent(principal: Principal, learnerId: string): Promise<AgentDetail> {
  const scope = scopeOf(principal, undefined);
  const row = await getAgentRow(learnerId, false);
  if (!row || !inScope(scope, row.service)) throw notFound('agent', learnerId);
  return JSON.parse(row.detail) as AgentDetail;
}
