import { describe, expect, it } from 'vitest';
import { type Cursor, decodeCursor, encodeCursor } from '../../../functions/lrs/cursor.ts';

const cursor: Cursor = {
  v: 1,
  k: 'agent',
  x: 'abc',
  since: '2024-01-01T00:00:00.000Z',
  asc: false,
  f: { verb: 'v' },
  format: 'ids',
  attachments: false,
  limit: 10,
  after: { pk: 'xidx#agent#v#abc', sk: '2024-01-02T00:00:00.000Z#0000#id' },
};

describe('more cursor (Data 2.5)', () => {
  it('round-trips and is URL-safe', () => {
    const token = encodeCursor(cursor);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(token)).toEqual(cursor);
  });

  it('rejects tokens it did not issue with 400', () => {
    for (const token of [
      '',
      'garbage!',
      Buffer.from('{"v":2}').toString('base64url'),
      encodeCursor({ ...cursor, format: 'full' } as unknown as Cursor),
    ]) {
      expect(() => decodeCursor(token)).toThrowError(/more token/);
    }
  });
});
