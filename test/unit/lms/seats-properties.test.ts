/**
 * Property tests of the seat rules. Random sequences of enrolments, cancellations, capacity changes, moves and
 * session cancellations — some of them racing (one planned, another executed meanwhile, then the first written) —
 * go through the domain's planners and an in-memory model of the table that honours each change's conditions the
 * way the store's transaction does (all or nothing, re-plan on a failed condition). After every step: never more
 * seated than the capacity, the queue in FIFO order, nobody twice, no free seat while someone waits, and every
 * promotion takes the head of the queue.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EnrolmentStatus, SessionStatus } from '../../../packages/domain/src/api/sessions-api.ts';
import { isAppError } from '../../../packages/domain/src/errors.ts';
import {
  planCancel,
  planCapacityChange,
  planEnrol,
  planPromotions,
  planSessionCancel,
  type QueueEntry,
  REENROLLABLE,
  type SeatChange,
} from '../../../packages/domain/src/lms/seats.ts';
import { planScheduleChange } from '../../../packages/domain/src/lms/session-rules.ts';

interface Model {
  id: string;
  status: SessionStatus;
  capacity: number;
  enrolledCount: number;
  waitlistLength: number;
  start: string;
  end: string;
  version: number;
  /** `start`: the session start the enrolment copies (re-timed by a move, like the store's booking sync). */
  enrolments: Map<string, { status: EnrolmentStatus; ticket: number; start: string | undefined }>;
  /** Waitlist entries, kept sorted by ticket (the sort key of `waitlist#<ticket>`). */
  queue: QueueEntry[];
  nextTicket: number;
  /** Coverage: the longest queue seen, promotions made, writes refused by a guard (then planned again). */
  longestQueue: number;
  promotions: number;
  replans: number;
  /** Promotions that did not take the head of the queue (must stay empty). */
  unfair: string[];
}

const HOUR = 3_600_000;

function newModel(capacity: number): Model {
  const start = Date.parse('2027-03-10T09:00:00.000Z');
  return {
    id: 's-prop',
    status: 'scheduled',
    capacity,
    enrolledCount: 0,
    waitlistLength: 0,
    start: new Date(start).toISOString(),
    end: new Date(start + 2 * HOUR).toISOString(),
    version: 1,
    enrolments: new Map(),
    queue: [],
    nextTicket: 1,
    longestQueue: 0,
    promotions: 0,
    replans: 0,
    unfair: [],
  };
}

/**
 * The table's side of a change: every condition checked first, then everything applied, or nothing. `copied`: the
 * session start a new enrolment copies (the store takes it from the snapshot it planned on).
 */
function apply(m: Model, c: SeatChange, copied?: string): boolean {
  const g = c.guard;
  const seatFree = m.enrolledCount < m.capacity && m.waitlistLength === 0;
  if (g.status !== undefined && m.status !== g.status) return false;
  if (g.seatFree !== undefined && seatFree !== g.seatFree) return false;
  if (g.enrolledCount !== undefined && m.enrolledCount !== g.enrolledCount) return false;
  if (g.waitlistLength !== undefined && m.waitlistLength !== g.waitlistLength) return false;
  if (g.capacity !== undefined && m.capacity !== g.capacity) return false;
  if (g.schedule && (m.start !== g.schedule.start || m.end !== g.schedule.end)) return false;
  if (m.enrolledCount + c.enrolledDelta < 0 || m.waitlistLength + c.waitlistDelta < 0) return false;
  if (c.join) {
    const held = m.enrolments.get(c.join.learnerId);
    if (held && !REENROLLABLE.has(held.status)) return false;
  }
  if (c.transitions.some((t) => m.enrolments.get(t.learnerId)?.status !== t.from)) return false;
  if (c.enqueue.some((e) => m.queue.some((q) => q.ticket === e.ticket))) return false;
  if (c.dequeue.some((e) => !m.queue.some((q) => q.ticket === e.ticket))) return false;

  m.enrolledCount += c.enrolledDelta;
  m.waitlistLength += c.waitlistDelta;
  if (c.capacity !== undefined) m.capacity = c.capacity;
  if (c.status !== undefined) m.status = c.status;
  if (c.join) {
    m.enrolments.set(c.join.learnerId, { status: c.join.status, ticket: c.join.ticket, start: copied });
  }
  for (const t of c.transitions) m.enrolments.get(t.learnerId)!.status = t.to;
  m.queue = m.queue.filter((q) => !c.dequeue.some((e) => e.ticket === q.ticket));
  m.queue = [...m.queue, ...c.enqueue].sort((a, b) => a.ticket - b.ticket);
  m.longestQueue = Math.max(m.longestQueue, m.queue.length);
  for (const t of c.transitions) {
    if (t.from !== 'waitlisted' || t.to !== 'enrolled') continue;
    m.promotions++;
    const ticket = m.enrolments.get(t.learnerId)!.ticket;
    const ahead = m.queue.filter((q) => q.ticket < ticket);
    if (ahead.length)
      m.unfair.push(`${t.learnerId} (#${ticket}) promoted before ${ahead.map((q) => q.ticket)}`);
  }
  return true;
}

type Action =
  | { kind: 'enrol'; learner: string; ahead: number }
  | { kind: 'cancel'; learner: string }
  | { kind: 'capacity'; capacity: number; maxPromotions: number }
  | { kind: 'move'; minutes: number }
  | { kind: 'cancel-session' };

/** What a request carries between attempts: its arrival ticket, the session start its last plan read. */
type Context = { ticket?: number; start?: string };

type Planned = SeatChange | 'done';

/** One plan of an action on the model as it is now (`attempt` 0 is the first plan: hints apply only there). */
function plan(m: Model, a: Action, attempt: number, ctx: Context): Planned {
  const counters = { id: m.id, status: m.status, capacity: m.capacity, enrolledCount: m.enrolledCount };
  const session = { ...counters, waitlistLength: m.waitlistLength, start: m.start, end: m.end };
  switch (a.kind) {
    case 'enrol': {
      ctx.ticket ??= m.nextTicket++;
      ctx.start = m.start;
      const p = planEnrol({
        session,
        learnerId: a.learner,
        ticket: ctx.ticket,
        current: m.enrolments.get(a.learner)?.status,
        concurrentAhead: attempt === 0 ? a.ahead : 0,
      });
      return p.kind === 'existing' ? 'done' : p.change;
    }
    case 'cancel': {
      const e = m.enrolments.get(a.learner);
      if (!e) return 'done';
      const enrolment = { learnerId: a.learner, status: e.status, ticket: e.ticket };
      const p = planCancel({ session, waitlist: m.queue.slice(0, 1), enrolment });
      if (p.kind === 'reread') throw new Error('the model never reads counters and queue apart');
      return p.kind === 'unchanged' ? 'done' : p.change;
    }
    case 'capacity': {
      const p = planCapacityChange({
        session,
        waitlist: m.queue.slice(0, Math.max(0, a.capacity - m.enrolledCount)),
        capacity: a.capacity,
        maxPromotions: a.maxPromotions,
      });
      if ('kind' in p) throw new Error('the model never reads counters and queue apart');
      return p.change;
    }
    case 'move': {
      const start = new Date(Date.parse(m.start) + a.minutes * 60_000).toISOString();
      const end = new Date(Date.parse(m.end) + a.minutes * 60_000).toISOString();
      // The session's own planner decides whether it may move; a move changes no seat.
      planScheduleChange(
        { ...session, siteId: 'x', roomId: 'y', facilitators: [], version: m.version },
        { start, end },
      );
      m.start = start;
      m.end = end;
      m.version++;
      for (const e of m.enrolments.values())
        if (e.status === 'enrolled' || e.status === 'waitlisted') e.start = start;
      return 'done';
    }
    case 'cancel-session':
      return planSessionCancel({
        session,
        enrolments: [...m.enrolments].map(([learnerId, e]) => ({ learnerId, status: e.status })),
        waitlist: m.queue,
      });
  }
}

/** After a capacity change that promoted only part of the queue: the follow-up promotions, as the store runs them. */
function settle(m: Model, maxPromotions: number): void {
  for (let round = 0; round < 100; round++) {
    const p = planPromotions({ session: m, waitlist: m.queue.slice(0, m.capacity), maxPromotions });
    if ('kind' in p) return;
    if (!apply(m, p.change)) throw new Error('a promotion planned on the current state was refused');
  }
  throw new Error('promotions never settle');
}

/**
 * The store's loop: write the plan; when a condition fails, plan again on what is there now. A capacity change's
 * follow-up promotions are further transactions: `meanwhile` runs between them (another request).
 */
function execute(m: Model, a: Action, ctx: Context, first?: Planned, meanwhile?: () => void): void {
  let p = first ?? refusedAsDone(() => plan(m, a, 0, ctx));
  for (let attempt = 1; p !== 'done'; attempt++) {
    if (apply(m, p, ctx.start)) {
      meanwhile?.();
      if (a.kind === 'capacity') settle(m, a.maxPromotions);
      return;
    }
    m.replans++;
    if (attempt > 5) throw new Error(`no progress: ${JSON.stringify(a)}`);
    p = refusedAsDone(() => plan(m, a, attempt, ctx));
  }
}

/** A business refusal (409: session not open, capacity below the seated…) ends the request with nothing written. */
function refusedAsDone(f: () => Planned): Planned {
  try {
    return f();
  } catch (e) {
    if (isAppError(e)) return 'done';
    throw e;
  }
}

function checkInvariants(m: Model): void {
  expect(m.unfair, 'promotions take the head of the queue').toEqual([]);
  const tickets = m.queue.map((q) => q.ticket);
  expect(tickets, 'the queue is FIFO by ticket').toEqual([...tickets].sort((a, b) => a - b));
  expect(new Set(m.queue.map((q) => q.learnerId)).size, 'nobody twice in the queue').toBe(m.queue.length);
  for (const q of m.queue) {
    expect(m.enrolments.get(q.learnerId), 'a queue entry belongs to a waitlisted enrolment').toMatchObject({
      status: 'waitlisted',
      ticket: q.ticket,
    });
  }
  const count = (s: EnrolmentStatus) => [...m.enrolments.values()].filter((e) => e.status === s).length;
  if (m.status === 'cancelled') {
    expect(count('enrolled') + count('waitlisted'), 'nobody holds a place in a cancelled session').toBe(0);
    expect(m.queue).toEqual([]);
    return;
  }
  for (const [learnerId, e] of m.enrolments) {
    if (e.status === 'enrolled' || e.status === 'waitlisted') {
      expect(e.start, `${learnerId}'s enrolment carries the session's times`).toBe(m.start);
    }
  }
  expect(m.enrolledCount, 'the seat counter counts the seated').toBe(count('enrolled'));
  expect(m.waitlistLength, 'the queue counter counts the queue').toBe(m.queue.length);
  expect(count('waitlisted')).toBe(m.queue.length);
  expect(m.enrolledCount, 'never more seated than the capacity').toBeLessThanOrEqual(m.capacity);
  expect(m.enrolledCount < m.capacity && m.waitlistLength > 0, 'no free seat while someone waits').toBe(
    false,
  );
}

const learner = fc.constantFrom('ana', 'ben', 'chloé', 'dan', 'eva', 'fred', 'gus', 'hugo', 'inès', 'jo');
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 48, arbitrary: fc.record({ kind: fc.constant('enrol'), learner, ahead: fc.nat(4) }) },
  { weight: 32, arbitrary: fc.record({ kind: fc.constant('cancel'), learner }) },
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('capacity'),
      capacity: fc.integer({ min: 1, max: 7 }),
      maxPromotions: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({ kind: fc.constant('move'), minutes: fc.integer({ min: -90, max: 90 }) }),
  },
  // Rare: it ends what a run can do with the session.
  { weight: 1, arbitrary: fc.constant({ kind: 'cancel-session' as const }) },
);
const capacityRaise = fc.record({
  kind: fc.constant('capacity' as const),
  capacity: fc.integer({ min: 3, max: 8 }),
  maxPromotions: fc.constant(1),
});
type Step =
  | { race: 'none'; a: Action }
  /** `a` planned, `b` done meanwhile, then `a` written (planned again if `b` made its read stale). */
  | { race: 'stale'; a: Action; b: Action }
  /** `b` done between a capacity change and its follow-up promotions. */
  | { race: 'between'; a: Action; b: Action };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: action.map((a) => ({ race: 'none' as const, a })) },
  { weight: 4, arbitrary: fc.record({ race: fc.constant('stale' as const), a: action, b: action }) },
  { weight: 1, arbitrary: fc.record({ race: fc.constant('between' as const), a: capacityRaise, b: action }) },
);

function run(capacity: number, steps: Step[]) {
  const m = newModel(capacity);
  for (const s of steps) {
    const ctx: Context = {};
    if (s.race === 'none') {
      execute(m, s.a, ctx);
    } else if (s.race === 'stale') {
      const planned = refusedAsDone(() => plan(m, s.a, 0, ctx));
      execute(m, s.b, {});
      execute(m, s.a, ctx, planned);
    } else {
      execute(m, s.a, ctx, undefined, () => execute(m, s.b, {}));
    }
    checkInvariants(m);
  }
  return m;
}

describe('seat rules under any sequence of requests (property)', () => {
  it('keep seated ≤ capacity, the queue FIFO, nobody twice, no free seat while someone waits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(step, { minLength: 1, maxLength: 60 }),
        (cap, steps) => {
          run(cap, steps);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('the runs reach the interesting states: queues, promotions, stale plans refused and planned again', () => {
    // Guards the generator: properties that hold vacuously prove nothing.
    const seen = { queued: 0, promoted: 0, replanned: 0 };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(step, { minLength: 20, maxLength: 60 }),
        (cap, steps) => {
          const m = run(cap, steps);
          if (m.longestQueue >= 2) seen.queued++;
          if (m.promotions > 0) seen.promoted++;
          if (m.replans > 0) seen.replanned++;
        },
      ),
      { numRuns: 300 },
    );
    expect(seen.queued).toBeGreaterThan(150);
    expect(seen.promoted).toBeGreaterThan(100);
    expect(seen.replanned).toBeGreaterThan(100);
  });
});
