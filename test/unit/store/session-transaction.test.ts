import { describe, expect, it } from 'vitest';
import { packGroups } from '../../../packages/store/src/optimistic.ts';
import { needsReread, type Op } from '../../../packages/store/src/session-transaction.ts';

const failed = (tag: Parameters<typeof needsReread>[0][number]['tag'], code = 'ConditionalCheckFailed') => ({
  tag,
  code,
});

describe('session transactions', () => {
  it('a stale read (session, agenda lock, enrolment, queue entry) is read again; a missing booking is not', () => {
    for (const tag of [
      { kind: 'session' },
      { kind: 'lock', agenda: 'room', id: 'r' },
      { kind: 'enrolment', learnerId: 'l' },
      { kind: 'queue', ticket: 3 },
    ] as const) {
      expect(needsReread([failed(tag)])).toBe(true);
    }
    expect(needsReread([failed({ kind: 'booking', learnerId: 'l' })])).toBe(false);
    expect(needsReread([failed({ kind: 'session' }, 'ValidationError')])).toBe(false);
  });

  it('packs groups whole into transactions of at most the limit', () => {
    const op = (n: number): Op => ({
      tag: { kind: 'waitlist' },
      op: { Delete: { Key: { pk: 'p', sk: `${n}` } } },
    });
    const groups = [[op(1), op(2)], [op(3), op(4)], [op(5)]];
    expect(packGroups(groups, 3).map((b) => b.length)).toEqual([2, 3]);
    expect(packGroups([], 3)).toEqual([]);
  });
});
