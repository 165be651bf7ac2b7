import { deflateRawSync, inflateRawSync } from 'node:zlib';
import {
  BLOCK_MAX_BYTES,
  BLOCK_MAX_ROWS,
  type BlockRow,
  parseRows,
  removeRow,
  serializeRows,
  splitRows,
  upsertRow,
} from '@parcours/domain/reports/blocks';
import type { Direction, RowSource } from '@parcours/domain/reports/merge';
import { type Item, queryPage, type TransactItem } from './gateway.ts';
import { keys } from './keys.ts';

/**
 * Index blocks of the agents report (domain/reports/blocks.ts): reading a listing from a position, and planning
 * the writes that move an agent's row within listings. Blocks are base-table items (`report-list#<scope>#by#<order>`
 * / `b#<lower bound>`), so the projection reads them strongly consistently and updates them with a version check.
 */
export interface BlockItem {
  pk: string;
  sk: string;
  entity: 'report-block';
  /** Version: every write is conditional on the one read. */
  v: number;
  n: number;
  /** The rows (`serializeRows`), deflated: JSON lines compress ~4–5×, which divides read and write units alike. */
  z: Uint8Array;
}

/** The stored form of a block's rows. */
export function packBlockRows(rows: readonly BlockRow[]): Uint8Array {
  return deflateRawSync(serializeRows(rows), { level: 6 });
}

/**
 * The rows of a stored block. Blocks written before they were deflated hold the plain text in `r`: still read
 * (data kept by `npm start` across upgrades), and rewritten deflated by the next change to the block (a whole Put).
 */
export function unpackBlockRows(item: { z?: unknown; r?: unknown } | undefined): BlockRow[] {
  if (item?.z instanceof Uint8Array) return parseRows(inflateRawSync(item.z).toString('utf8'));
  return typeof item?.r === 'string' ? parseRows(item.r) : [];
}

const lowerBoundOf = (sk: string) => sk.slice(keys.report.blockPrefix.length);

/**
 * Reads one listing in order, from just after (or before, descending) a position, a few blocks per request: the
 * first request asks for `firstBatch` blocks, then twice as many each time (up to 32, ~1 MB).
 */
export class ListingReader implements RowSource {
  private started = false;
  private startKey: Item | undefined;
  private batch: number;
  private readonly consistent: boolean;
  private readonly prefetch: boolean;
  private readonly maxBatch: number;
  private ahead: Promise<{ rows: BlockRow[]; done: boolean }> | undefined;
  blocksRead = 0;

  constructor(
    private readonly listingPk: string,
    private readonly dir: Direction,
    private readonly after?: string,
    /**
     * `prefetch`: ask for the next blocks as soon as a batch arrives (exports: reading overlaps rendering).
     * `maxBatch`: the most blocks per request as batches double (32 ≈ 400 KB stored, ~5,000 rows).
     */
    opts: { firstBatch?: number; consistent?: boolean; prefetch?: boolean; maxBatch?: number } = {},
  ) {
    this.maxBatch = Math.max(1, Math.min(32, opts.maxBatch ?? 32));
    this.batch = Math.max(1, Math.min(this.maxBatch, opts.firstBatch ?? 4));
    this.consistent = opts.consistent ?? false;
    this.prefetch = opts.prefetch ?? false;
  }

  async next(): Promise<{ rows: BlockRow[]; done: boolean }> {
    const r = await (this.ahead ?? this.read());
    this.ahead = undefined;
    if (this.prefetch && !r.done) {
      const ahead = this.read();
      // Awaited by the next call; a reader abandoned early (an export stopping at its budget) must not leave an
      // unhandled rejection behind.
      ahead.catch(() => undefined);
      this.ahead = ahead;
    }
    return r;
  }

  private rowsOf(items: readonly Item[]): BlockRow[] {
    const out: BlockRow[] = [];
    for (const it of items) {
      this.blocksRead++;
      const rows = unpackBlockRows(it);
      if (this.dir === 'desc') rows.reverse();
      for (const r of rows) {
        if (this.after !== undefined && (this.dir === 'asc' ? r.key <= this.after : r.key >= this.after))
          continue;
        out.push(r);
      }
    }
    return out;
  }

  private async read(): Promise<{ rows: BlockRow[]; done: boolean }> {
    const asc = this.dir === 'asc';
    const base = {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': this.listingPk } as Item,
      ScanIndexForward: asc,
      ConsistentRead: this.consistent,
      ProjectionExpression: 'z, r',
    };
    if (!this.started) {
      this.started = true;
      if (this.after !== undefined) {
        const bound = { ...base.ExpressionAttributeValues, ':b': keys.report.blockSk(this.after) };
        if (asc) {
          // The block holding the position (its lower bound ≤ position), and the blocks after it.
          const [holder, rest] = await Promise.all([
            queryPage({
              ...base,
              KeyConditionExpression: 'pk = :pk AND sk <= :b',
              ExpressionAttributeValues: bound,
              ScanIndexForward: false,
              Limit: 1,
            }),
            queryPage({
              ...base,
              KeyConditionExpression: 'pk = :pk AND sk > :b',
              ExpressionAttributeValues: bound,
              Limit: this.batch,
            }),
          ]);
          this.startKey = rest.lastKey;
          return { rows: this.rowsOf([...holder.items, ...rest.items]), done: !this.startKey };
        }
        // Descending: the holder comes first, then every block before it.
        const r = await queryPage({
          ...base,
          KeyConditionExpression: 'pk = :pk AND sk <= :b',
          ExpressionAttributeValues: bound,
          Limit: this.batch,
        });
        this.startKey = r.lastKey;
        return { rows: this.rowsOf(r.items), done: !this.startKey };
      }
      const r = await queryPage({ ...base, Limit: this.batch });
      this.startKey = r.lastKey;
      return { rows: this.rowsOf(r.items), done: !this.startKey };
    }
    if (!this.startKey) return { rows: [], done: true };
    this.batch = Math.min(this.maxBatch, this.batch * 2);
    const hasBound = this.after !== undefined;
    const r = await queryPage({
      ...base,
      ...(hasBound
        ? {
            KeyConditionExpression: asc ? 'pk = :pk AND sk > :b' : 'pk = :pk AND sk <= :b',
            ExpressionAttributeValues: {
              ...base.ExpressionAttributeValues,
              ':b': keys.report.blockSk(this.after!),
            },
          }
        : {}),
      Limit: this.batch,
      ExclusiveStartKey: this.startKey,
    });
    this.startKey = r.lastKey;
    return { rows: this.rowsOf(r.items), done: !this.startKey };
  }
}

/** The block that holds `key` in a listing (strongly consistent), or undefined when the listing has no block yet. */
async function blockHolding(listingPk: string, key: string): Promise<BlockItem | undefined> {
  const r = await queryPage<BlockItem>({
    KeyConditionExpression: 'pk = :pk AND sk <= :b',
    ExpressionAttributeValues: { ':pk': listingPk, ':b': keys.report.blockSk(key) },
    ScanIndexForward: false,
    Limit: 1,
    ConsistentRead: true,
  });
  return r.items[0];
}

/** One change to a listing: a row leaves (its old key), arrives or is replaced (`put`). */
export interface ListingOp {
  listingPk: string;
  remove?: string;
  put?: BlockRow;
}

interface Working {
  pk: string;
  lowerBound: string;
  version: number | undefined;
  rows: BlockRow[];
  changed: boolean;
}

/**
 * Turns listing changes into conditional writes: each touched block is rewritten with `v = read + 1` (condition
 * `v = read`), split into halves when it outgrows the limits (new blocks must not exist), deleted when emptied (all
 * but the first block, whose lower bound is ''). A concurrent change to the same block makes the transaction fail
 * its condition: the caller re-reads and tries again.
 */
export async function planListingWrites(ops: readonly ListingOp[], now: string): Promise<TransactItem[]> {
  const blocks = new Map<string, Working>();
  const located = new Map<string, Working>();
  const locate = async (listingPk: string, key: string): Promise<Working> => {
    const cacheKey = `${listingPk}\u0000${key}`;
    const cached = located.get(cacheKey);
    if (cached) return cached;
    const item = await blockHolding(listingPk, key);
    const lowerBound = item ? lowerBoundOf(item.sk) : '';
    const id = `${listingPk}\u0000${lowerBound}`;
    let w = blocks.get(id);
    if (!w) {
      w = { pk: listingPk, lowerBound, version: item?.v, rows: unpackBlockRows(item), changed: false };
      blocks.set(id, w);
    }
    located.set(cacheKey, w);
    return w;
  };
  const targets = await Promise.all(
    ops.map(async (op) => ({
      op,
      from: op.remove !== undefined ? await locate(op.listingPk, op.remove) : undefined,
      to: op.put ? await locate(op.listingPk, op.put.key) : undefined,
    })),
  );
  for (const { op, from } of targets) {
    if (from && op.remove !== undefined) {
      const before = from.rows.length;
      from.rows = removeRow(from.rows, op.remove);
      if (from.rows.length !== before) from.changed = true;
    }
  }
  for (const { op, to } of targets) {
    if (to && op.put) {
      to.rows = upsertRow(to.rows, op.put);
      to.changed = true;
    }
  }
  const items: TransactItem[] = [];
  for (const w of blocks.values()) {
    if (!w.changed) continue;
    const guard =
      w.version === undefined
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': w.version } };
    if (w.rows.length === 0 && w.lowerBound !== '') {
      items.push({ Delete: { Key: keys.report.block(w.pk, w.lowerBound), ...guard } });
      continue;
    }
    const pieces = splitRows(w.rows, BLOCK_MAX_ROWS, BLOCK_MAX_BYTES);
    pieces.forEach((rows, i) => {
      const lowerBound = i === 0 ? w.lowerBound : rows[0]!.key;
      const item: BlockItem & { updatedAt: string } = {
        ...keys.report.block(w.pk, lowerBound),
        entity: 'report-block',
        v: i === 0 ? (w.version ?? 0) + 1 : 1,
        n: rows.length,
        z: packBlockRows(rows),
        updatedAt: now,
      };
      items.push({
        Put: {
          Item: item,
          ...(i === 0 ? guard : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      });
    });
  }
  return items;
}
