import type { CoverageTarget } from '../content/report-settings.ts';
import { COMPETENCY_LEVELS, type CompetencyLevel } from '../content/schemas.ts';

/**
 * The arithmetic of the service and path reports, from counters the projection maintains (contributions.ts).
 * Rates are `null` when their denominator is zero: "no data" is not "0 %".
 */

export type Counters = Record<string, number>;

export function addCounters(into: Counters, from: Counters | undefined): Counters {
  for (const [k, v] of Object.entries(from ?? {})) into[k] = (into[k] ?? 0) + v;
  return into;
}

export const rate = (num: number, den: number): number | null => (den > 0 ? num / den : null);

// --- competency matrix per service -----------------------------------------------------------------------------

export interface MatrixCompetency {
  competencyId: string;
  /** Agents whose highest level is exactly this level. */
  levels: Record<CompetencyLevel, number>;
  /** Agents holding at least this level. */
  atLeast: Record<CompetencyLevel, number>;
  target?: { level: CompetencyLevel; share: number; agentsRequired: number };
  coverage?: { agents: number; rate: number | null; met: boolean; missingAgents: number };
}

export interface ServiceMatrix {
  serviceId: string;
  agents: number;
  entryModule: { moduleId: string; completed: number; missing: number; rate: number | null };
  competencies: MatrixCompetency[];
}

export function buildMatrix(input: {
  serviceId: string;
  counters: Counters;
  competencyIds: readonly string[];
  targets: readonly CoverageTarget[];
  entryModuleId: string;
}): ServiceMatrix {
  const { counters: c } = input;
  const agents = c['agents'] ?? 0;
  const completed = c['entry'] ?? 0;
  const competencies = input.competencyIds.map((competencyId): MatrixCompetency => {
    const levels = Object.fromEntries(
      COMPETENCY_LEVELS.map((l) => [l, c[`lvl:${competencyId}:${l}`] ?? 0]),
    ) as Record<CompetencyLevel, number>;
    const atLeast = Object.fromEntries(
      COMPETENCY_LEVELS.map((l, i) => [l, COMPETENCY_LEVELS.slice(i).reduce((n, x) => n + levels[x], 0)]),
    ) as Record<CompetencyLevel, number>;
    const t = input.targets.find((x) => x.competencyId === competencyId);
    if (!t) return { competencyId, levels, atLeast };
    const agentsRequired = Math.ceil(t.share * agents - 1e-9);
    const holding = atLeast[t.level];
    return {
      competencyId,
      levels,
      atLeast,
      target: { level: t.level, share: t.share, agentsRequired },
      coverage: {
        agents: holding,
        rate: rate(holding, agents),
        met: holding >= agentsRequired,
        missingAgents: Math.max(0, agentsRequired - holding),
      },
    };
  });
  return {
    serviceId: input.serviceId,
    agents,
    entryModule: {
      moduleId: input.entryModuleId,
      completed,
      missing: Math.max(0, agents - completed),
      rate: rate(completed, agents),
    },
    competencies,
  };
}

// --- paths per period ------------------------------------------------------------------------------------------

export interface Satisfaction {
  responses: number;
  /** Mean of `overall` (1–5). */
  average: number | null;
  /** 1–5 histogram. */
  distribution: [number, number, number, number, number];
  /** Share of those who answered the question who would recommend the module. */
  recommendRate: number | null;
  /** Mean by facilitation kind (internal, external, mixed…), as recorded with each response. */
  byLeadKind: Record<string, { responses: number; average: number | null }>;
  /** Responses are anonymous: satisfaction always covers every service, whatever the service filter. */
  scope: 'all-services';
}

export interface PathPeriodStats {
  /** Seats taken and not cancelled: enrolled (attendance not taken yet) + attended + partial + no-show. */
  enrolments: number;
  upcoming: number;
  waitlisted: number;
  cancelled: number;
  sessionCancelled: number;
  /** Modules completed (attendance `present`). */
  completions: number;
  partial: number;
  noShow: number;
  /** (present + partial) / attendance taken. */
  attendanceRate: number | null;
  /** no-show / attendance taken. */
  noShowRate: number | null;
  /** Agents who completed the whole path in the period. */
  pathCompletions: number;
  satisfaction: Satisfaction;
}

export function pathStats(enrolments: Counters, evaluations: Counters): PathPeriodStats {
  const n = (k: string, c: Counters = enrolments) => c[k] ?? 0;
  const taken = n('attended') + n('partial') + n('noShow');
  const responses = n('n', evaluations);
  const byLeadKind: Satisfaction['byLeadKind'] = {};
  for (const [k, v] of Object.entries(evaluations)) {
    if (!k.startsWith('n:') || v === 0) continue;
    const kind = k.slice(2);
    byLeadKind[kind] = { responses: v, average: rate(n(`sum:${kind}`, evaluations), v) };
  }
  return {
    enrolments: n('enrolled') + taken,
    upcoming: n('enrolled'),
    waitlisted: n('waitlisted'),
    cancelled: n('cancelled'),
    sessionCancelled: n('sessionCancelled'),
    completions: n('attended'),
    partial: n('partial'),
    noShow: n('noShow'),
    attendanceRate: rate(n('attended') + n('partial'), taken),
    noShowRate: rate(n('noShow'), taken),
    pathCompletions: n('pathDone'),
    satisfaction: {
      responses,
      average: rate(n('sum', evaluations), responses),
      distribution: [1, 2, 3, 4, 5].map((o) => n(`o${o}`, evaluations)) as Satisfaction['distribution'],
      recommendRate: rate(n('rec', evaluations), n('recn', evaluations)),
      byLeadKind,
      scope: 'all-services',
    },
  };
}
