import { createHash } from 'node:crypto';
import { nowIso } from '@parcours/domain/clock';
import { catalog } from '@parcours/domain/content/catalog';
import { reportSettings } from '@parcours/domain/content/report-settings';
import { encodeSummary, listingEntries } from '@parcours/domain/reports/agent-model';
import { type AgentSources, buildAgentReport, summaryOf } from '@parcours/domain/reports/agent-report';
import { erasureSubjectHash, isErased } from '@parcours/store/erasure-repo';
import { RETRY, withOptimisticRetry } from '@parcours/store/optimistic';
import {
  commitAgentRow,
  getAgentRow,
  type NextAgentRow,
  readAgentSources,
  removeErasedAgentRow,
} from '@parcours/store/report-agents';

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

/** `erased`: the person has been erased (docs/data-protection.md); their report is not written, and removed if present. */
export type RecomputeOutcome = 'unchanged' | 'written' | 'deleted' | 'erased';

/**
 * Brings an agent's report up to date with their records: read the partition and the stored row, recompute, and
 * if anything differs write row + blocks + counter deltas in one conditional transaction. Idempotent (the same
 * records give the same hash: nothing is written) and safe under concurrency (a conflicting write makes the
 * transaction fail its conditions: read again and retry with jittered backoff).
 *
 * An erased person is never written back: the erasure record (keyed by a hash of the id) is read with the row, and
 * the transaction requires it to be absent, so a late stream record, a replay or a Query-based rebuild racing the
 * erasure finds it on the next attempt and removes whatever row it meets instead (`removeErasedAgent`).
 */
export async function recomputeAgent(learnerId: string, now = nowIso()): Promise<RecomputeOutcome> {
  const subject = erasureSubjectHash(learnerId);
  return withOptimisticRetry<RecomputeOutcome>(
    async () => {
      const [sources, stored, erased] = await Promise.all([
        readAgentSources(learnerId),
        getAgentRow(learnerId),
        isErased(subject),
      ]);
      if (erased) {
        if (!stored) return 'erased';
        return (await removeErasedAgentRow(learnerId, stored, subject, now)) ? 'erased' : RETRY;
      }
      const next = computeAgentRow(sources);
      if (!next && !stored) return 'unchanged';
      if (next && stored && stored.h === next.hash) return 'unchanged';
      const ok = await commitAgentRow(learnerId, stored, next, now, { unlessErased: subject });
      if (!ok) return RETRY;
      return next ? 'written' : 'deleted';
    },
    { onExhausted: () => new Error(`report row of '${learnerId}': too many conflicting writes`) },
  );
}

/**
 * Erasure (docs/data-protection.md): the person's report row and their lines in every listing are deleted, their
 * contribution stays in the aggregates (kept on the erasure record, which must already exist: `beginErasure`).
 * Idempotent: once the row is gone there is nothing to do. Returns whether a row was removed by this call.
 */
export async function removeErasedAgent(learnerId: string, now = nowIso()): Promise<boolean> {
  const subject = erasureSubjectHash(learnerId);
  return withOptimisticRetry<boolean>(
    async () => {
      const stored = await getAgentRow(learnerId);
      if (!stored) return false;
      return (await removeErasedAgentRow(learnerId, stored, subject, now)) ? true : RETRY;
    },
    { onExhausted: () => new Error(`report row of '${learnerId}': too many conflicting writes`) },
  );
}
