import { describe, expect, it } from 'vitest';
import type { Facilitator } from '../../../packages/domain/src/api/sessions-api.ts';
import { canonicalJson } from '../../../packages/domain/src/canonical-json.ts';
import { catalog } from '../../../packages/domain/src/content/catalog.ts';
import { AppError } from '../../../packages/domain/src/errors.ts';
import { decodeCursor, encodeCursor, positionKey } from '../../../packages/domain/src/lms/cursor.ts';
import { parseIdempotencyKey } from '../../../packages/domain/src/lms/idempotency.ts';
import { parisLocalToUtc } from '../../../packages/domain/src/lms/local-time.ts';
import { isSessionId, newSessionId } from '../../../packages/domain/src/lms/session-ids.ts';
import {
  addMonthsUtc,
  checkPlacement,
  findClash,
  matchesListFilters,
  monthBuckets,
  orderFacilitations,
  planScheduleChange,
  resolveListRange,
} from '../../../packages/domain/src/lms/session-rules.ts';

/** Runs `fn` and returns the AppError code it throws. */
function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('session ids', () => {
  it('are s- + 26 lowercase Crockford base32 characters, time first', () => {
    const id = newSessionId(Date.UTC(2026, 2, 3), new Uint8Array(10).fill(255));
    expect(id).toMatch(/^s-[0-9a-z]{26}$/);
    expect(isSessionId(id)).toBe(true);
    expect(id.slice(12)).toBe('z'.repeat(16));
    expect(newSessionId(0, new Uint8Array(10))).toBe(`s-${'0'.repeat(26)}`);
  });

  it('sort by creation time and differ by their random part', () => {
    const r = new Uint8Array(10);
    expect(newSessionId(1000, r) < newSessionId(2000, r)).toBe(true);
    const a = newSessionId(1000, Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    const b = newSessionId(1000, Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 11]));
    expect(a).not.toBe(b);
  });

  it('reject ids outside the alphabet or of the wrong length', () => {
    for (const bad of [
      's-',
      `s-${'0'.repeat(25)}`,
      `s-${'i'.repeat(26)}`,
      `S-${'0'.repeat(26)}`,
      'design-thinking',
    ]) {
      expect(isSessionId(bad)).toBe(false);
    }
    expect(() => newSessionId(-1, new Uint8Array(10))).toThrow();
    expect(() => newSessionId(0, new Uint8Array(9))).toThrow();
  });
});

describe('list cursors', () => {
  const p = { start: '2026-03-03T08:30:00.000Z', id: `s-${'1'.repeat(26)}` };

  it('round-trip, and are URL-safe', () => {
    const c = encodeCursor(p);
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c)).toEqual(p);
    expect(positionKey(p)).toBe(`2026-03-03T08:30:00.000Z#s-${'1'.repeat(26)}`);
  });

  it('reject anything this API did not produce with 400 invalid-cursor', () => {
    const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const bad of [
      'not base64!',
      Buffer.from('not json').toString('base64url'),
      enc(null),
      enc({ v: 2, s: p.start, i: p.id }),
      enc({ v: 1, s: '2026-03-03', i: p.id }),
      enc({ v: 1, s: p.start, i: 'x' }),
      enc({ v: 1, s: p.start }),
    ]) {
      expect(codeOf(() => decodeCursor(bad))).toBe('invalid-cursor');
    }
  });
});

describe('findClash (half-open intervals)', () => {
  const b = (sessionId: string, start: string, end: string) => ({ sessionId, start, end });
  const agenda = [b('a', '2026-03-03T08:30:00.000Z', '2026-03-03T10:00:00.000Z')];

  it('finds an overlap, ignores adjacency and the candidate itself', () => {
    expect(
      findClash(
        { sessionId: 'x', start: '2026-03-03T09:00:00.000Z', end: '2026-03-03T09:30:00.000Z' },
        agenda,
      ),
    ).toEqual(agenda[0]);
    expect(
      findClash(
        { sessionId: 'x', start: '2026-03-03T07:00:00.000Z', end: '2026-03-03T11:00:00.000Z' },
        agenda,
      ),
    ).toEqual(agenda[0]);
    expect(
      findClash(
        { sessionId: 'x', start: '2026-03-03T10:00:00.000Z', end: '2026-03-03T11:30:00.000Z' },
        agenda,
      ),
    ).toBeUndefined();
    expect(
      findClash(
        { sessionId: 'x', start: '2026-03-03T07:00:00.000Z', end: '2026-03-03T08:30:00.000Z' },
        agenda,
      ),
    ).toBeUndefined();
    expect(
      findClash(
        { sessionId: 'a', start: '2026-03-03T09:00:00.000Z', end: '2026-03-03T10:30:00.000Z' },
        agenda,
      ),
    ).toBeUndefined();
  });
});

describe('checkPlacement', () => {
  const c = catalog();
  const mod = (id: string) => c.modules.find((m) => m.id === id);
  const path = (id: string) => c.paths.find((p) => p.id === id);
  const site = (id: string) => c.sites.find((s) => s.id === id);
  const base = {
    moduleId: 'facilitation',
    module: mod('facilitation'),
    pathId: 'formation-action-referents',
    path: path('formation-action-referents'),
    siteId: 'toulouse',
    site: site('toulouse'),
    roomId: 'petite-salle',
    capacity: 12,
  };

  it('accepts a consistent placement and returns the room capacity', () => {
    expect(checkPlacement(base)).toEqual({ roomCapacity: 12 });
    expect(checkPlacement({ ...base, pathId: undefined, path: undefined })).toEqual({ roomCapacity: 12 });
    // The coaching module belongs to its path.
    expect(() =>
      checkPlacement({
        ...base,
        moduleId: 'accompagnement-nouveaux-arrivants',
        module: mod('accompagnement-nouveaux-arrivants'),
      }),
    ).not.toThrow();
  });

  it('lists every unknown reference at once', () => {
    try {
      checkPlacement({ ...base, module: undefined, path: undefined, site: undefined });
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('unknown-reference');
      expect((e as AppError).details).toEqual([
        { field: 'moduleId', id: 'facilitation' },
        { field: 'pathId', id: 'formation-action-referents' },
        { field: 'siteId', id: 'toulouse' },
      ]);
    }
  });

  it('rejects a module outside the path, a room of another site, a capacity over the room', () => {
    expect(codeOf(() => checkPlacement({ ...base, pathId: 'passinnov', path: path('passinnov') }))).toBe(
      'module-not-in-path',
    );
    expect(codeOf(() => checkPlacement({ ...base, roomId: 'salle-lez' }))).toBe('room-not-in-site');
    expect(codeOf(() => checkPlacement({ ...base, capacity: 13 }))).toBe('capacity-exceeds-room');
  });
});

describe('planScheduleChange', () => {
  const f = (trainerId: string, role: Facilitator['role'] = 'lead'): Facilitator => ({ trainerId, role });
  const current = {
    id: 's-x',
    status: 'scheduled' as const,
    enrolledCount: 5,
    version: 3,
    start: '2026-03-03T08:30:00.000Z',
    end: '2026-03-03T10:00:00.000Z',
    siteId: 'toulouse',
    roomId: 'salle-garonne',
    capacity: 12,
    facilitators: [f('a'), f('b', 'observer')],
  };

  it('a move re-checks every facilitator and the room', () => {
    const p = planScheduleChange(current, {
      start: '2026-03-04T08:30:00.000Z',
      end: '2026-03-04T10:00:00.000Z',
    });
    expect(p).toMatchObject({
      timeChanged: true,
      roomChanged: false,
      trainersToCheck: ['a', 'b'],
      removedTrainers: [],
    });
  });

  it('a facilitator change re-checks only newcomers and lists those removed', () => {
    const p = planScheduleChange(current, { facilitators: [f('a', 'co-facilitator'), f('c')] });
    expect(p).toMatchObject({
      timeChanged: false,
      roomChanged: false,
      trainersToCheck: ['c'],
      removedTrainers: ['b'],
    });
    expect(p.next.facilitators).toEqual([f('a', 'co-facilitator'), f('c')]);
  });

  it('a room change is flagged; unchanged fields are kept', () => {
    const p = planScheduleChange(current, { siteId: 'cahors', roomId: 'salle-lot' });
    expect(p.roomChanged).toBe(true);
    expect(p.next).toMatchObject({ start: current.start, end: current.end, capacity: 12, siteId: 'cahors' });
  });

  it('rejects stale versions, non-scheduled sessions, inverted times, capacity below seated learners', () => {
    expect(codeOf(() => planScheduleChange(current, { capacity: 10, expectedVersion: 2 }))).toBe(
      'version-mismatch',
    );
    expect(() => planScheduleChange(current, { capacity: 10, expectedVersion: 3 })).not.toThrow();
    expect(codeOf(() => planScheduleChange({ ...current, status: 'cancelled' }, { capacity: 10 }))).toBe(
      'session-not-modifiable',
    );
    expect(codeOf(() => planScheduleChange(current, { end: '2026-03-03T08:00:00.000Z' }))).toBe(
      'invalid-time-range',
    );
    expect(codeOf(() => planScheduleChange(current, { capacity: 4 }))).toBe('capacity-below-enrolled');
    expect(() => planScheduleChange(current, { capacity: 5 })).not.toThrow();
  });
});

describe('list periods', () => {
  it('addMonthsUtc clamps to the end of shorter months', () => {
    expect(addMonthsUtc('2026-01-31T10:00:00.000Z', 1)).toBe('2026-02-28T10:00:00.000Z');
    expect(addMonthsUtc('2028-01-31T10:00:00.000Z', 1)).toBe('2028-02-29T10:00:00.000Z');
    expect(addMonthsUtc('2026-11-15T00:00:00.000Z', 12)).toBe('2027-11-15T00:00:00.000Z');
    expect(addMonthsUtc('2026-03-15T00:00:00.000Z', -4)).toBe('2025-11-15T00:00:00.000Z');
  });

  it('resolveListRange: defaults to [now, now + 12 months), at most 24 months, never inverted', () => {
    const now = '2026-03-03T08:00:00.000Z';
    expect(resolveListRange({}, now)).toEqual({ from: now, to: '2027-03-03T08:00:00.000Z' });
    expect(resolveListRange({ from: '2026-01-01T00:00:00.000Z' }, now)).toEqual({
      from: '2026-01-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
    expect(
      resolveListRange({ from: '2026-01-01T00:00:00.000Z', to: '2028-01-01T00:00:00.000Z' }, now).to,
    ).toBe('2028-01-01T00:00:00.000Z');
    expect(
      codeOf(() =>
        resolveListRange({ from: '2026-01-01T00:00:00.000Z', to: '2028-01-01T00:00:00.001Z' }, now),
      ),
    ).toBe('range-too-large');
    expect(codeOf(() => resolveListRange({ to: '2026-01-01T00:00:00.000Z' }, now))).toBe('invalid-range');
    expect(codeOf(() => resolveListRange({ from: now, to: now }, now))).toBe('invalid-range');
  });

  it('monthBuckets covers every month holding a start in [from, to)', () => {
    expect(monthBuckets('2026-03-03T00:00:00.000Z', '2026-03-20T00:00:00.000Z')).toEqual(['2026-03']);
    expect(monthBuckets('2026-11-30T00:00:00.000Z', '2027-02-01T00:00:00.000Z')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
    ]);
    expect(monthBuckets('2026-11-30T00:00:00.000Z', '2027-02-01T00:00:00.001Z')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    expect(monthBuckets('2026-01-01T00:00:00.000Z', '2028-01-01T00:00:00.000Z')).toHaveLength(24);
  });
});

describe('matchesListFilters', () => {
  const s = { moduleId: 'design-thinking', siteId: 'toulouse', status: 'scheduled' as const };
  const passinnov = new Set(['intelligence-collective', 'design-thinking', 'creativite']);

  it('applies module, site and status filters', () => {
    expect(matchesListFilters(s, {}, undefined)).toBe(true);
    expect(matchesListFilters(s, { moduleId: 'creativite' }, undefined)).toBe(false);
    expect(matchesListFilters(s, { site: 'cahors' }, undefined)).toBe(false);
    expect(matchesListFilters(s, { status: 'cancelled' }, undefined)).toBe(false);
    expect(
      matchesListFilters(
        s,
        { moduleId: 'design-thinking', site: 'toulouse', status: 'scheduled' },
        undefined,
      ),
    ).toBe(true);
  });

  it('a path filter matches sessions of that path, and path-less sessions of its modules', () => {
    expect(matchesListFilters({ ...s, pathId: 'passinnov' }, { pathId: 'passinnov' }, passinnov)).toBe(true);
    expect(
      matchesListFilters({ ...s, pathId: 'formation-action-referents' }, { pathId: 'passinnov' }, passinnov),
    ).toBe(false);
    expect(matchesListFilters(s, { pathId: 'passinnov' }, passinnov)).toBe(true);
    expect(matchesListFilters({ ...s, moduleId: 'facilitation' }, { pathId: 'passinnov' }, passinnov)).toBe(
      false,
    );
    expect(matchesListFilters(s, { pathId: 'unknown' }, undefined)).toBe(false);
  });
});

describe('orderFacilitations', () => {
  it('upcoming (soonest first) then past (most recent first); a running session counts as upcoming', () => {
    const item = (id: string, start: string, end: string) => ({ role: 'lead', session: { id, start, end } });
    const now = '2026-03-10T12:00:00.000Z';
    const items = [
      item('past-old', '2026-01-01T08:00:00.000Z', '2026-01-01T09:30:00.000Z'),
      item('far', '2026-06-01T08:00:00.000Z', '2026-06-01T09:30:00.000Z'),
      item('running', '2026-03-10T11:00:00.000Z', '2026-03-10T12:30:00.000Z'),
      item('past-recent', '2026-03-01T08:00:00.000Z', '2026-03-01T09:30:00.000Z'),
      item('soon', '2026-03-11T08:00:00.000Z', '2026-03-11T09:30:00.000Z'),
    ];
    expect(orderFacilitations(items, now).map((i) => i.session.id)).toEqual([
      'running',
      'soon',
      'far',
      'past-recent',
      'past-old',
    ]);
  });
});

describe('idempotency helpers', () => {
  it('canonicalJson ignores key order and undefined values, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null }, u: undefined })).toBe(
      '{"a":{"c":null,"d":[2,1]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson([{ b: 1, a: 2 }])).toBe('[{"a":2,"b":1}]');
  });

  it('parseIdempotencyKey accepts UUID-like keys and rejects separators, blanks and long keys', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
    expect(parseIdempotencyKey(' 0b7c6f1e-4c1a-4d0e-9a55-1f3f1c2a9b10 ')).toBe(
      '0b7c6f1e-4c1a-4d0e-9a55-1f3f1c2a9b10',
    );
    for (const bad of ['', 'a#b', 'a b', 'x'.repeat(129), 'é']) {
      expect(codeOf(() => parseIdempotencyKey(bad))).toBe('invalid-idempotency-key');
    }
  });
});

describe('parisLocalToUtc', () => {
  it('is DST-aware', () => {
    expect(parisLocalToUtc('2026-03-03', '09:30')).toBe('2026-03-03T08:30:00.000Z');
    expect(parisLocalToUtc('2026-07-03', '09:30')).toBe('2026-07-03T07:30:00.000Z');
    // The days of the switch (last Sundays of March and October 2026).
    expect(parisLocalToUtc('2026-03-29', '14:00')).toBe('2026-03-29T12:00:00.000Z');
    expect(parisLocalToUtc('2026-10-25', '14:00')).toBe('2026-10-25T13:00:00.000Z');
  });

  it('resolves the skipped hour forward and the repeated hour to its first occurrence', () => {
    expect(parisLocalToUtc('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(parisLocalToUtc('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('rejects malformed input', () => {
    expect(() => parisLocalToUtc('2026-3-3', '09:30')).toThrow();
    expect(() => parisLocalToUtc('2026-03-03', '9:30')).toThrow();
  });
});
