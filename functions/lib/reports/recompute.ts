import { createHash } from 'node:crypto';
import { catalog } from '@parcours/domain/content/catalog';
import { reportSettings } from '@parcours/domain/content/report-settings';
import { encodeSummary, listingEntries } from '@parcours/domain/reports/agent-model';
import { type AgentSources, buildAgentReport, summaryOf } from '@parcours/domain/reports/agent-report';
import {
  commitAgentRow,
  getAgentRow,
  type NextAgentRow,
  readAgentSources,
} from '@parcours/store/report-agents';
import { RETRY, withOptimisticRetry } from '@parcours/store/transact';

/** The row an agent's records produce now (undefined: nobody to report on). Pure given the content. */
export function computeAgentRow(sources: AgentSources): NextAgentRow | undefined {
  const report = buildAgentReport(sources, catalog(), reportSettings());
  if (!report) return undefined;
  const summary = summaryOf(report.detail);
  const entries = listingEntries(summary);
  const hash = createHash('sha256')
    .update(JSON.stringify([report.detail, entries, report.contribution]))
    .digest('base64url')
    .slice(0, 22);
  return {
    detail: report.detail,
    line: encodeSummary(summary),
    entries,
    contribution: report.contribution,
    hash,
  };
}

export type RecomputeOutcome = 'unchanged' | 'written' | 'deleted';

/**
 * Brings an agent's report up to date with their records: read the partition and the stored row, recompute, and
 * if anything differs write row + blocks + counter deltas in one conditional transaction. Idempotent (the same
 * records give the same hash: nothing is written) and safe under concurrency (a conflicting write makes the
 * transaction fail its conditions: read again and retry with jittered backoff).
 */
export async function recomputeAgent(
  learnerId: string,
  now = new Date().toISOString(),
): Promise<RecomputeOutcome> {
  return withOptimisticRetry<RecomputeOutcome>(
    async () => {
      const [sources, stored] = await Promise.all([readAgentSources(learnerId), getAgentRow(learnerId)]);
      const next = computeAgentRow(sources);
      if (!next && !stored) return 'unchanged';
      if (next && stored && stored.h === next.hash) return 'unchanged';
      const ok = await commitAgentRow(learnerId, stored, next, now);
      if (!ok) return RETRY;
      return next ? 'written' : 'deleted';
    },
    {
      attempts: 12,
      baseDelayMs: 15,
      onExhausted: () => new Error(`report row of '${learnerId}': too many conflicting writes`),
    },
  );
}
