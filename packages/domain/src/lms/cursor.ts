import { invalid } from '../errors.ts';
import { SESSION_ID_PATTERN } from './session-ids.ts';

/**
 * Opaque pagination cursors for session lists: the (start, id) of the last item returned, which is exactly the
 * order of every session index (`<start>#<id>`). A position rather than DynamoDB's LastEvaluatedKey, so the
 * cursor stays valid whichever index (module, site, month) serves the next page and leaks no key layout.
 */
export interface ListPosition {
  start: string;
  id: string;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeCursor(p: ListPosition): string {
  return Buffer.from(JSON.stringify({ v: 1, s: p.start, i: p.id }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): ListPosition {
  const bad = () => invalid('invalid-cursor', 'The cursor is not one this API returned');
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (typeof parsed !== 'object' || parsed === null) throw bad();
  const { v, s, i } = parsed as Record<string, unknown>;
  if (v !== 1 || typeof s !== 'string' || typeof i !== 'string') throw bad();
  if (!ISO_UTC.test(s) || Number.isNaN(Date.parse(s)) || !SESSION_ID_PATTERN.test(i)) throw bad();
  return { start: s, id: i };
}

/** The sort key every session index uses; comparing positions is comparing these strings. */
export function positionKey(p: ListPosition): string {
  return `${p.start}#${p.id}`;
}
