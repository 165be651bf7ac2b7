import { addCounters } from '@parcours/domain/reports/aggregates';
import { type BlockRow, packRows } from '@parcours/domain/reports/blocks';
import type { Contribution } from '@parcours/domain/reports/contributions';
import { batchWrite, type Item, type Key, LIMITS } from './gateway.ts';
import { keys } from './keys.ts';
import { agentRowItem, type NextAgentRow } from './report-agents.ts';
import { type BlockItem, packBlockRows } from './report-blocks.ts';
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
}): Item[] {
  const items: Item[] = [];
  const listings = new Map<string, BlockRow[]>();
  const totals: Contribution = {};
  for (const { learnerId, row } of input.agents) {
    items.push(agentRowItem(learnerId, row, 1, input.now));
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
      const block: BlockItem & { updatedAt: string } = {
        ...keys.report.block(pk, lowerBound),
        entity: 'report-block',
        v: 1,
        n: blockRows.length,
        z: packBlockRows(blockRows),
        updatedAt: input.now,
      };
      items.push(block);
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

/**
 * Batches handed to the gateway at once, between two progress reports: large enough that waiting for the slowest
 * batch of a step costs little next to the step itself.
 */
const BATCHES_PER_STEP = 400;

/**
 * Puts or deletes any number of items (`gateway.batchWrite`: leftovers retried, throws if some cannot be written),
 * `concurrency` batches in flight; `onProgress` gets the number of requests written so far.
 */
export async function batchWriteAll(
  requests: readonly ({ put: Item } | { delete: Key })[],
  concurrency = 4,
  onProgress?: (done: number) => void,
): Promise<void> {
  const step = LIMITS.batchWrite * BATCHES_PER_STEP;
  for (let start = 0; start < requests.length; start += step) {
    const slice = requests.slice(start, start + step);
    await batchWrite(
      slice.map((r) => ('put' in r ? { PutRequest: { Item: r.put } } : { DeleteRequest: { Key: r.delete } })),
      concurrency,
    );
    onProgress?.(start + slice.length);
  }
}
