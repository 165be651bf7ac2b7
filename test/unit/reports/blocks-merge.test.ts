import { describe, expect, it } from 'vitest';
import {
  type BlockRow,
  packRows,
  parseRows,
  removeRow,
  serializeRows,
  splitRows,
  upsertRow,
} from '../../../packages/domain/src/reports/blocks.ts';
import {
  decodeReportCursor,
  encodeReportCursor,
  queryHash,
} from '../../../packages/domain/src/reports/cursor.ts';
import { MergedRows, type RowSource, readPage } from '../../../packages/domain/src/reports/merge.ts';

const row = (key: string): BlockRow => ({ key, line: `["${key}"]` });

describe('index blocks', () => {
  it('keep rows sorted and unique on upsert, and drop them on remove', () => {
    let rows: BlockRow[] = [];
    for (const k of ['m#3', 'a#1', 'z#2', 'm#3']) rows = upsertRow(rows, row(k));
    expect(rows.map((r) => r.key)).toEqual(['a#1', 'm#3', 'z#2']);
    rows = upsertRow(rows, { key: 'm#3', line: 'new' });
    expect(rows[1]!.line).toBe('new');
    expect(removeRow(rows, 'm#3').map((r) => r.key)).toEqual(['a#1', 'z#2']);
    expect(removeRow(rows, 'absent')).toHaveLength(3);
  });

  it('serialise to one string and parse back', () => {
    const rows = [row('a#1'), { key: 'b#2', line: '["x\\ny","é;\\"q\\""]' }];
    expect(parseRows(serializeRows(rows))).toEqual(rows);
    expect(parseRows(undefined)).toEqual([]);
  });

  it('split into halves past the limits, and pack sorted rows with the first bound empty', () => {
    const rows = Array.from({ length: 10 }, (_, i) => row(`k#${i}`));
    const pieces = splitRows(rows, 4, 1_000_000);
    expect(pieces.map((p) => p.length)).toEqual([2, 3, 2, 3]);
    expect(pieces.flat()).toEqual(rows);
    const packed = packRows(rows, 4);
    expect(packed.map(([lb]) => lb)).toEqual(['', 'k#4', 'k#8']);
    expect(packed.flatMap(([, r]) => r)).toEqual(rows);
    expect(packRows([], 4)).toEqual([['', []]]);
  });
});

/** A listing split in blocks of `size`, served from a position, like ListingReader. */
function source(
  keys: string[],
  dir: 'asc' | 'desc',
  after?: string,
  size = 3,
): RowSource & { fetches: number } {
  const sorted = [...keys].sort();
  if (dir === 'desc') sorted.reverse();
  const rows = sorted.filter((k) => after === undefined || (dir === 'asc' ? k > after : k < after)).map(row);
  let pos = 0;
  return {
    fetches: 0,
    async next() {
      this.fetches++;
      const out = rows.slice(pos, pos + size);
      pos += size;
      return { rows: out, done: pos >= rows.length };
    },
  };
}

describe('merging listings into pages', () => {
  const a = ['ana#1', 'bob#2', 'eve#3', 'joe#4', 'zoe#5'];
  const b = ['amy#6', 'cat#7', 'dan#8', 'kim#9'];
  const all = [...a, ...b].sort();

  it('pages through several listings in one order, with cursors that resume exactly after the last key', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let n = 0; n < 10; n++) {
      const merged = new MergedRows([source(a, 'asc', after), source(b, 'asc', after)], 'asc');
      const page = await readPage(merged, 4, (r) => r.key);
      seen.push(...page.items);
      if (!page.more) break;
      after = page.lastKey;
    }
    expect(seen).toEqual(all);
  });

  it('pages in descending order too', async () => {
    const merged = new MergedRows([source(a, 'desc'), source(b, 'desc')], 'desc');
    const page = await readPage(merged, 3, (r) => r.key);
    expect(page.items).toEqual([...all].reverse().slice(0, 3));
  });

  it('filters rows out without losing the position, and stops at the read budget with a cursor', async () => {
    const merged = new MergedRows([source(a, 'asc', undefined, 1), source(b, 'asc', undefined, 1)], 'asc', 4);
    const page = await readPage(merged, 10, (r) => (r.key.startsWith('a') ? r.key : undefined));
    expect(page.more).toBe(true);
    expect(page.items).toEqual(['amy#6', 'ana#1']);
    // bob#2 was examined (and filtered out) before the budget ran out: the next page starts after it.
    expect(page.lastKey).toBe('bob#2');
    const rest = new MergedRows([source(a, 'asc', page.lastKey), source(b, 'asc', page.lastKey)], 'asc');
    const next = await readPage(rest, 100, (r) => r.key);
    expect(next.items).toEqual(all.filter((k) => k > 'bob#2'));
    expect(next.more).toBe(false);
  });

  it('cursors are bound to their query: other filters or another order are refused', () => {
    const h = queryHash(['agents', 'name', { path: 'passinnov' }]);
    const c = encodeReportCursor({ report: 'agents', order: 'name', dir: 'asc', key: 'bob#2' }, h);
    expect(decodeReportCursor(c, { report: 'agents', order: 'name', dir: 'asc' }, h)).toBe('bob#2');
    expect(() =>
      decodeReportCursor(c, { report: 'agents', order: 'name', dir: 'asc' }, queryHash(['other'])),
    ).toThrow(/filters changed/);
    expect(() => decodeReportCursor(c, { report: 'agents', order: 'activity', dir: 'asc' }, h)).toThrow();
    expect(() => decodeReportCursor('!!', { report: 'agents', order: 'name', dir: 'asc' }, h)).toThrow();
  });
});

describe('stored blocks (packages/store)', () => {
  it('rows round-trip deflated, and blocks stored before deflation (plain `r`) still read', async () => {
    const { packBlockRows, unpackBlockRows } = await import('../../../packages/store/src/report-blocks.ts');
    const rows = [row('a#1'), row('b#2'), row('c#3')];
    const z = packBlockRows(rows);
    expect(z.byteLength).toBeLessThan(serializeRows(rows).length + 16);
    expect(unpackBlockRows({ z })).toEqual(rows);
    expect(unpackBlockRows({ r: serializeRows(rows) })).toEqual(rows);
    expect(unpackBlockRows(undefined)).toEqual([]);
  });
});
