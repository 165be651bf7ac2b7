/**
 * Index blocks: the agents of a listing (a service, or all, in one order) packed in sorted runs of ~100 rows, each
 * run one item whose sort key is its lower bound. A block holds every row whose key is ≥ its lower bound and < the
 * next block's; the first block's lower bound is the empty string, so every key has exactly one home.
 *
 * Why: a page of 500 agents is then ~5 item reads instead of 500, and a full export reads a few hundred items
 * instead of one per agent; every engine (DynamoDB Local most of all) pays a per-item cost, and the blocks are
 * stored deflated, so they cost fewer read units than the rows would. The price is on writes: a change rewrites the
 * row's block (≤ ~12 KB stored). See docs/reports.md.
 *
 * This file is the pure part: rows in a block, and how a block changes and splits. The store does the I/O.
 */

export interface BlockRow {
  /** The row's sort key in its listing (unique: ends with the learner id). */
  key: string;
  /** The agent's list row (agent-model.ts `encodeSummary`). */
  line: string;
}

/** Limits of one block, uncompressed (stored deflated: ~4–5× smaller, see the store). */
export const BLOCK_MAX_ROWS = 160;
export const BLOCK_MAX_BYTES = 56_000;
/** Fill factor when building blocks in bulk (rebuild, bench loading): room for inserts before the first split. */
export const BLOCK_BULK_ROWS = 120;

/** `key \t line`, one per line: keys and JSON lines contain neither tabs nor raw line breaks. */
export function serializeRows(rows: readonly BlockRow[]): string {
  let out = '';
  for (let i = 0; i < rows.length; i++) {
    if (i) out += '\n';
    out += `${rows[i]!.key}\t${rows[i]!.line}`;
  }
  return out;
}

export function parseRows(text: string | undefined): BlockRow[] {
  if (!text) return [];
  const out: BlockRow[] = [];
  for (const l of text.split('\n')) {
    const tab = l.indexOf('\t');
    if (tab > 0) out.push({ key: l.slice(0, tab), line: l.slice(tab + 1) });
  }
  return out;
}

function findIndex(rows: readonly BlockRow[], key: string): { found: boolean; index: number } {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.key < key) lo = mid + 1;
    else hi = mid;
  }
  return { found: lo < rows.length && rows[lo]!.key === key, index: lo };
}

/** Rows with `row` inserted in order (or replacing the row with the same key). */
export function upsertRow(rows: readonly BlockRow[], row: BlockRow): BlockRow[] {
  const { found, index } = findIndex(rows, row.key);
  const out = rows.slice();
  out.splice(index, found ? 1 : 0, row);
  return out;
}

export function removeRow(rows: readonly BlockRow[], key: string): BlockRow[] {
  const { found, index } = findIndex(rows, key);
  if (!found) return rows.slice();
  const out = rows.slice();
  out.splice(index, 1);
  return out;
}

export function rowsBytes(rows: readonly BlockRow[]): number {
  let n = 0;
  for (const r of rows) n += r.key.length + r.line.length + 2;
  return n;
}

/**
 * A block that grew past the limits, cut into halves (recursively, until each fits). The first piece keeps the
 * block's lower bound; each other piece's lower bound is its first key.
 */
export function splitRows(
  rows: readonly BlockRow[],
  maxRows = BLOCK_MAX_ROWS,
  maxBytes = BLOCK_MAX_BYTES,
): BlockRow[][] {
  if (rows.length <= 1 || (rows.length <= maxRows && rowsBytes(rows) <= maxBytes)) return [rows.slice()];
  const mid = rows.length >> 1;
  return [
    ...splitRows(rows.slice(0, mid), maxRows, maxBytes),
    ...splitRows(rows.slice(mid), maxRows, maxBytes),
  ];
}

/** Sorted rows packed into runs for a bulk build: `[lowerBound, rows][]`, the first bound being ''. */
export function packRows(
  sorted: readonly BlockRow[],
  perBlock = BLOCK_BULK_ROWS,
  maxBytes = Math.floor(BLOCK_MAX_BYTES * 0.75),
): [string, BlockRow[]][] {
  const out: [string, BlockRow[]][] = [];
  let cur: BlockRow[] = [];
  let bytes = 0;
  for (const r of sorted) {
    const size = r.key.length + r.line.length + 2;
    if (cur.length && (cur.length >= perBlock || bytes + size > maxBytes)) {
      out.push([out.length ? cur[0]!.key : '', cur]);
      cur = [];
      bytes = 0;
    }
    cur.push(r);
    bytes += size;
  }
  if (cur.length || !out.length) out.push([out.length ? cur[0]!.key : '', cur]);
  return out;
}
