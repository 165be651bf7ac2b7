import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { addCounters } from '@parcours/domain/reports/aggregates';
import { type BlockRow, packRows } from '@parcours/domain/reports/blocks';
import type { Contribution } from '@parcours/domain/reports/contributions';
import { documentClient, tableName } from './client.ts';
import { keys } from './keys.ts';
import { agentRowItem, type NextAgentRow } from './report-agents.ts';
import { packBlockRows } from './report-blocks.ts';
import { counterItems, markerItem } from './report-counters.ts';

/**
 * Bulk forms of the report items, for writers that build everything at once from a known state: the full rebuild
 * (after deleting the derived items) and the benchmark's loader. Same items as the projection writes, but the
 * listings are packed directly into blocks and the counters hold absolute totals.
 */
export function bulkReportItems(input: {
  agents: { learnerId: string; row: NextAgentRow }[];
  sources: { pk: string; sk: string; contribution: Contribution; at: string }[];
  now: string;
  /** The projection's per-source markers (never read by the reports; the bench may leave them out). */
  markers?: boolean;
  /**
   * Contributions that stay in the counters without a row: those of erased agents, kept on their erasure records
   * (docs/data-protection.md).
   */
  retained?: Contribution[];
}): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  const listings = new Map<string, BlockRow[]>();
  const totals: Contribution = {};
  for (const { learnerId, row } of input.agents) {
    items.push(agentRowItem(learnerId, row, 1, input.now) as unknown as Record<string, unknown>);
    addCounters(totals, row.contribution);
    for (const e of row.entries) {
      const pk = keys.report.listing(e.scope, e.listing);
      const list = listings.get(pk) ?? [];
      listings.set(pk, list);
      list.push({ key: e.key, line: row.line });
    }
  }
  for (const [pk, rows] of listings) {
    rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const [lowerBound, blockRows] of packRows(rows)) {
      items.push({
        ...keys.report.block(pk, lowerBound),
        entity: 'report-block',
        v: 1,
        n: blockRows.length,
        z: packBlockRows(blockRows),
        updatedAt: input.now,
      });
    }
  }
  for (const s of input.sources) {
    if (input.markers !== false) items.push(markerItem(s.pk, s.sk, s.contribution, s.at));
    addCounters(totals, s.contribution);
  }
  for (const c of input.retained ?? []) addCounters(totals, c);
  items.push(...counterItems(totals, input.now));
  return items;
}

/** BatchWriteItem (puts or deletes) in groups of 25, `concurrency` batches in flight, unprocessed items retried. */
export async function batchWriteAll(
  requests: ({ put: Record<string, unknown> } | { delete: { pk: string; sk: string } })[],
  concurrency = 4,
  onProgress?: (done: number) => void,
): Promise<void> {
  const T = tableName();
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (;;) {
      const start = next;
      next += 25;
      if (start >= requests.length) return;
      let pending: Record<string, unknown>[] | undefined = requests
        .slice(start, start + 25)
        .map((r) => ('put' in r ? { PutRequest: { Item: r.put } } : { DeleteRequest: { Key: r.delete } }));
      for (let attempt = 0; pending?.length; attempt++) {
        if (attempt > 10) throw new Error('BatchWrite: unprocessed items remain after retries');
        if (attempt) await new Promise((r) => setTimeout(r, 20 * 2 ** Math.min(attempt, 6)));
        const r = await documentClient().send(new BatchWriteCommand({ RequestItems: { [T]: pending } }));
        pending = r.UnprocessedItems?.[T] as Record<string, unknown>[] | undefined;
      }
      done += Math.min(25, requests.length - start);
      onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
