import type { BlockRow } from './blocks.ts';

/**
 * Rows of several listings (one per service in scope) merged into one order: a k-way merge over lazily fetched
 * blocks. Each source yields its rows in listing order, past the cursor; the merge asks a source for more only when
 * its buffer is empty, all empty sources at once (in parallel). Because keys are unique across listings (they end
 * with the learner id), "the last key examined" is an exact, stable position: the next page starts after it.
 */

export interface RowSource {
  /** The next rows of this listing, in the merge direction; `done` once the listing is exhausted. */
  next(): Promise<{ rows: BlockRow[]; done: boolean }>;
}

export type Direction = 'asc' | 'desc';

interface SourceState {
  source: RowSource;
  buffer: BlockRow[];
  pos: number;
  done: boolean;
}

export class MergedRows {
  private readonly states: SourceState[];
  private fetches = 0;

  constructor(
    sources: RowSource[],
    private readonly dir: Direction,
    /** Most source fetches this merge may make (a read budget for selective filters). */
    private readonly maxFetches = Number.POSITIVE_INFINITY,
  ) {
    this.states = sources.map((source) => ({ source, buffer: [], pos: 0, done: false }));
  }

  get fetchCount(): number {
    return this.fetches;
  }

  /**
   * The next row in merge order if it can be decided without reading (`undefined`: every source is exhausted), or
   * `'fetch'` when a source must be read first (`fill`). Synchronous: a merge of thousands of rows costs no promise
   * per row.
   */
  next(): BlockRow | undefined | 'fetch' {
    let best: SourceState | undefined;
    for (const s of this.states) {
      if (s.pos >= s.buffer.length) {
        if (!s.done) return 'fetch';
        continue;
      }
      if (!best) best = s;
      else {
        const a = s.buffer[s.pos]!.key;
        const b = best.buffer[best.pos]!.key;
        if (this.dir === 'asc' ? a < b : a > b) best = s;
      }
    }
    if (!best) return undefined;
    return best.buffer[best.pos++];
  }

  /** Reads the sources whose buffers are empty, in parallel. False when that would exceed the read budget. */
  async fill(): Promise<boolean> {
    const empty = this.states.filter((s) => !s.done && s.pos >= s.buffer.length);
    if (!empty.length) return true;
    if (this.fetches + empty.length > this.maxFetches) return false;
    this.fetches += empty.length;
    await Promise.all(
      empty.map(async (s) => {
        // A source may answer an empty batch without being done (a block emptied by deletes): ask again.
        while (!s.done && s.pos >= s.buffer.length) {
          const r = await s.source.next();
          s.buffer = r.rows;
          s.pos = 0;
          s.done = r.done;
        }
      }),
    );
    return true;
  }

  /** The next row in merge order; `undefined` when every source is exhausted; `'budget'` when out of fetches. */
  async pop(): Promise<BlockRow | undefined | 'budget'> {
    for (;;) {
      const r = this.next();
      if (r !== 'fetch') return r;
      if (!(await this.fill())) return 'budget';
    }
  }

  /** Whether rows may remain (without fetching: a source not yet exhausted may turn out to be empty). */
  mayHaveMore(): boolean {
    return this.states.some((s) => s.pos < s.buffer.length || !s.done);
  }
}

export interface Page<T> {
  items: T[];
  /** Key of the last row examined (returned or filtered out): where the next page starts. */
  lastKey?: string;
  more: boolean;
}

/**
 * Fills a page: rows are examined in order, `accept` turns a row into an item or rejects it (a filter). Stops when
 * the page is full, the rows run out, or the read budget does (a short page, with a cursor to continue).
 */
export async function readPage<T>(
  merged: MergedRows,
  limit: number,
  accept: (row: BlockRow) => T | undefined,
): Promise<Page<T>> {
  const items: T[] = [];
  let lastKey: string | undefined;
  const page = (more: boolean): Page<T> => ({ items, ...(lastKey ? { lastKey } : {}), more });
  for (;;) {
    if (items.length >= limit) return page(merged.mayHaveMore());
    const r = merged.next();
    if (r === 'fetch') {
      if (!(await merged.fill())) return page(true);
      continue;
    }
    if (r === undefined) return page(false);
    lastKey = r.key;
    const item = accept(r);
    if (item !== undefined) items.push(item);
  }
}
