import { createHash } from 'node:crypto';
import { invalid } from '../errors.ts';

/**
 * Opaque, stable pagination cursors for reports: the position (sort key) after which the next page starts, bound to
 * the query that produced it (report, order, filters and scope, hashed). A cursor replayed with other filters is
 * rejected rather than silently skipping rows. Positions, not offsets: rows added or removed elsewhere in the list
 * never shift a page boundary.
 */
export interface ReportCursor {
  report: string;
  /** Listing or ordering the position belongs to. */
  order: string;
  dir: 'asc' | 'desc';
  key: string;
}

export function queryHash(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 12);
}

export function encodeReportCursor(c: ReportCursor, hash: string): string {
  return Buffer.from(
    JSON.stringify({ v: 1, r: c.report, o: c.order, d: c.dir, k: c.key, h: hash }),
    'utf8',
  ).toString('base64url');
}

export function decodeReportCursor(
  cursor: string,
  expected: Omit<ReportCursor, 'key'>,
  hash: string,
): string {
  const bad = (why: string) => invalid('invalid-cursor', `The cursor is not valid for this query (${why})`);
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(cursor)) throw bad('format');
  let p: Record<string, unknown>;
  try {
    p = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw bad('format');
  }
  if (typeof p !== 'object' || p === null || p['v'] !== 1 || typeof p['k'] !== 'string') throw bad('format');
  if (p['r'] !== expected.report || p['o'] !== expected.order || p['d'] !== expected.dir) throw bad('order');
  if (p['h'] !== hash) throw bad('filters changed');
  return p['k'];
}
