import { type CompetencyLevel, levelRank } from '../content/schemas.ts';
import type { AgentSummary } from './agent-model.ts';
import { parisDay } from './paris-time.ts';

/** Filters of the agents report (the service filter is the scope: see scope.ts). */
export interface AgentFilters {
  pathId?: string;
  competencyId?: string;
  /** With `competencyId`: at least this level (default: any level). */
  minLevel?: CompetencyLevel;
  /** Period (Paris calendar days, inclusive): agents who completed at least one module in it. */
  from?: string;
  to?: string;
  /** Only agents who have not completed the mandatory entry module (served by its own listing). */
  missingEntry?: boolean;
}

export function hasRowFilter(f: AgentFilters): boolean {
  return Boolean(f.pathId || f.competencyId || f.minLevel || f.from || f.to);
}

/**
 * A cheap test on the encoded line before decoding it (agent-model.ts `encodeSummary`): false only when the row
 * certainly fails the path or competency filter (those ids appear in the JSON, quoted, exactly where the filter
 * looks). Selective filters on large listings decode only the rows that may match.
 */
export function mayMatchLine(line: string, f: AgentFilters): boolean {
  if (f.competencyId && !line.includes(`"${f.competencyId}":`)) return false;
  if (f.pathId && !line.includes(`["${f.pathId}",`)) return false;
  return true;
}

export function matchesAgent(a: AgentSummary, f: AgentFilters): boolean {
  if (f.pathId && !a.paths.some((p) => p.pathId === f.pathId)) return false;
  if (f.competencyId) {
    const held = a.levels[f.competencyId];
    if (!held) return false;
    if (f.minLevel && levelRank(held) < levelRank(f.minLevel)) return false;
  } else if (f.minLevel) {
    if (!Object.values(a.levels).some((l) => levelRank(l) >= levelRank(f.minLevel!))) return false;
  }
  if (f.from || f.to) {
    const inPeriod = a.modules.some((m) => {
      const d = parisDay(m.completedAt);
      return (!f.from || d >= f.from) && (!f.to || d <= f.to);
    });
    if (!inPeriod) return false;
  }
  if (f.missingEntry && a.entryModuleCompleted) return false;
  return true;
}
