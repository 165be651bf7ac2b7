import { describe, expect, it } from 'vitest';
import {
  planCancel,
  planCapacityChange,
  planEnrol,
  planPromotions,
  planSessionCancel,
  promotionsDue,
  type SeatCounters,
} from '../../../packages/domain/src/lms/seats.ts';

const schedule = { start: '2027-03-10T09:00:00.000Z', end: '2027-03-10T10:30:00.000Z' };
const session = (over: Partial<SeatCounters> = {}) => ({
  id: 's-1',
  status: 'scheduled' as const,
  capacity: 2,
  enrolledCount: 0,
  waitlistLength: 0,
  ...schedule,
  ...over,
});
const queue = (...tickets: number[]) => tickets.map((t) => ({ learnerId: `w${t}`, ticket: t }));

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

describe('planEnrol', () => {
  it('a free seat with nobody waiting: a seat, guarded by "a seat is still free" and the times read', () => {
    const plan = planEnrol({ session: session(), learnerId: 'l', ticket: 7 });
    expect(plan).toEqual({
      kind: 'seat',
      change: {
        guard: { status: 'scheduled', seatFree: true, schedule },
        enrolledDelta: 1,
        waitlistDelta: 0,
        join: { learnerId: 'l', ticket: 7, status: 'enrolled' },
        transitions: [],
        enqueue: [],
        dequeue: [],
      },
    });
  });

  it('full, or someone already waits: a waitlist place at its ticket, guarded by "no seat free"', () => {
    for (const s of [session({ enrolledCount: 2 }), session({ enrolledCount: 1, waitlistLength: 1 })]) {
      const plan = planEnrol({ session: s, learnerId: 'l', ticket: 9 });
      expect(plan.kind).toBe('waitlist');
      if (plan.kind !== 'waitlist') continue;
      expect(plan.change.guard.seatFree).toBe(false);
      expect(plan.change.waitlistDelta).toBe(1);
      expect(plan.change.enqueue).toEqual([{ learnerId: 'l', ticket: 9 }]);
    }
  });

  it('an enrolment holding a place answers as existing (idempotent); a cancelled one may enrol again', () => {
    expect(planEnrol({ session: session(), learnerId: 'l', ticket: 1, current: 'waitlisted' }).kind).toBe(
      'existing',
    );
    expect(planEnrol({ session: session(), learnerId: 'l', ticket: 1, current: 'cancelled' }).kind).toBe(
      'seat',
    );
  });

  it('a session that is not scheduled refuses, before anything else', () => {
    const s = session({ status: 'cancelled' });
    expect(codeOf(() => planEnrol({ session: s, learnerId: 'l', ticket: 1, current: 'enrolled' }))).toBe(
      'session-not-open',
    );
  });

  it('more requests in flight ahead than free seats: plans a waitlist place (the guard decides at commit)', () => {
    const s = session({ capacity: 3, enrolledCount: 1 });
    expect(planEnrol({ session: s, learnerId: 'l', ticket: 5, concurrentAhead: 1 }).kind).toBe('seat');
    expect(planEnrol({ session: s, learnerId: 'l', ticket: 5, concurrentAhead: 2 }).kind).toBe('waitlist');
  });
});

describe('planCancel', () => {
  const enrolled = { learnerId: 'l', ticket: 1, status: 'enrolled' as const };

  it('a waitlisted learner leaves the queue; nobody is promoted', () => {
    const plan = planCancel({
      session: session({ enrolledCount: 2, waitlistLength: 2 }),
      waitlist: queue(3, 4),
      enrolment: { learnerId: 'w4', ticket: 4, status: 'waitlisted' },
    });
    expect(plan).toMatchObject({
      kind: 'cancel',
      change: {
        guard: {},
        enrolledDelta: 0,
        waitlistDelta: -1,
        transitions: [{ learnerId: 'w4', from: 'waitlisted', to: 'cancelled' }],
        dequeue: [{ learnerId: 'w4', ticket: 4 }],
      },
    });
    expect(plan).not.toHaveProperty('promoted');
  });

  it('a freed seat goes to the head of the queue in the same change, guarded by the queue length read', () => {
    const plan = planCancel({
      session: session({ enrolledCount: 2, waitlistLength: 2 }),
      waitlist: queue(3, 4),
      enrolment: enrolled,
    });
    expect(plan).toMatchObject({
      kind: 'cancel',
      promoted: { learnerId: 'w3', ticket: 3 },
      change: {
        guard: { waitlistLength: 2 },
        enrolledDelta: 0,
        waitlistDelta: -1,
        transitions: [
          { learnerId: 'l', from: 'enrolled', to: 'cancelled' },
          { learnerId: 'w3', from: 'waitlisted', to: 'enrolled' },
        ],
        dequeue: [{ learnerId: 'w3', ticket: 3 }],
      },
    });
  });

  it('nobody waiting: the seat is freed on the condition that still nobody waits', () => {
    const plan = planCancel({ session: session({ enrolledCount: 2 }), waitlist: [], enrolment: enrolled });
    expect(plan).toMatchObject({
      kind: 'cancel',
      change: { guard: { waitlistLength: 0 }, enrolledDelta: -1 },
    });
  });

  it('cancelled already: unchanged; attended: refused; counters and queue read across a change: reread', () => {
    const s = session({ enrolledCount: 2, waitlistLength: 1 });
    expect(
      planCancel({ session: s, waitlist: [], enrolment: { ...enrolled, status: 'cancelled' } }).kind,
    ).toBe('unchanged');
    expect(
      codeOf(() => planCancel({ session: s, waitlist: [], enrolment: { ...enrolled, status: 'attended' } })),
    ).toBe('enrolment-not-active');
    expect(planCancel({ session: s, waitlist: [], enrolment: enrolled }).kind).toBe('reread');
  });
});

describe('planCapacityChange and planPromotions', () => {
  it('raising the capacity while people wait promotes the heads into the new seats, FIFO', () => {
    const plan = planCapacityChange({
      session: session({ capacity: 2, enrolledCount: 2, waitlistLength: 3 }),
      waitlist: queue(5, 6, 7),
      capacity: 4,
    });
    expect(plan).toMatchObject({
      promoted: queue(5, 6),
      remaining: 0,
      change: {
        guard: { status: 'scheduled', capacity: 2, enrolledCount: 2, waitlistLength: 3 },
        capacity: 4,
        enrolledDelta: 2,
        waitlistDelta: -2,
        dequeue: queue(5, 6),
      },
    });
  });

  it('promotes at most `maxPromotions` in the change; planPromotions takes the rest', () => {
    const s = session({ capacity: 2, enrolledCount: 2, waitlistLength: 3 });
    const first = planCapacityChange({ session: s, waitlist: queue(5, 6, 7), capacity: 5, maxPromotions: 1 });
    expect(first).toMatchObject({ promoted: queue(5), remaining: 2 });
    const after = { ...s, capacity: 5, enrolledCount: 3, waitlistLength: 2 };
    expect(planPromotions({ session: after, waitlist: queue(6, 7) })).toMatchObject({
      promoted: queue(6, 7),
      remaining: 0,
    });
    expect(
      planPromotions({ session: { ...after, enrolledCount: 5, waitlistLength: 0 }, waitlist: [] }),
    ).toEqual({
      kind: 'settled',
    });
  });

  it('below the learners seated is refused; a cancelled session cannot change; a short queue read: reread', () => {
    const s = session({ capacity: 4, enrolledCount: 3 });
    expect(codeOf(() => planCapacityChange({ session: s, waitlist: [], capacity: 2 }))).toBe(
      'capacity-below-enrolled',
    );
    expect(
      codeOf(() => planCapacityChange({ session: { ...s, status: 'cancelled' }, waitlist: [], capacity: 5 })),
    ).toBe('session-not-modifiable');
    const waiting = session({ capacity: 2, enrolledCount: 2, waitlistLength: 2 });
    expect(planCapacityChange({ session: waiting, waitlist: queue(1), capacity: 4 })).toEqual({
      kind: 'reread',
    });
  });
});

describe('promotionsDue', () => {
  it('the queue heads owed a seat: free seats (at the new capacity, if given) while people wait, when scheduled', () => {
    const full = session({ capacity: 3, enrolledCount: 3, waitlistLength: 4 });
    expect(promotionsDue(full)).toBe(0);
    expect(promotionsDue(full, 5)).toBe(2);
    expect(promotionsDue(full, 10)).toBe(4);
    expect(promotionsDue(session({ capacity: 5, enrolledCount: 3, waitlistLength: 1 }))).toBe(1);
    expect(promotionsDue(session({ capacity: 5, enrolledCount: 3 }))).toBe(0);
    expect(promotionsDue({ ...full, status: 'cancelled' }, 10)).toBe(0);
    // What the planners promote when given that many heads and no limit.
    const plan = planCapacityChange({ session: full, waitlist: queue(1, 2), capacity: 5 });
    expect(plan).toMatchObject({ promoted: queue(1, 2), remaining: 0 });
  });
});

describe('planSessionCancel', () => {
  it('every place holder becomes session-cancelled, the queue is emptied, the session flips', () => {
    const change = planSessionCancel({
      session: session({ enrolledCount: 1, waitlistLength: 1 }),
      enrolments: [
        { learnerId: 'a', status: 'enrolled' },
        { learnerId: 'b', status: 'waitlisted' },
        { learnerId: 'c', status: 'cancelled' },
      ],
      waitlist: [{ learnerId: 'b', ticket: 2 }],
    });
    expect(change).toMatchObject({
      guard: { status: 'scheduled', enrolledCount: 1, waitlistLength: 1 },
      status: 'cancelled',
      enrolledDelta: 0,
      waitlistDelta: 0,
      transitions: [
        { learnerId: 'a', from: 'enrolled', to: 'session-cancelled' },
        { learnerId: 'b', from: 'waitlisted', to: 'session-cancelled' },
      ],
      dequeue: [{ learnerId: 'b', ticket: 2 }],
    });
  });

  it('a cancelled session is swept again without a second flip; a completed one refuses', () => {
    const swept = planSessionCancel({
      session: session({ status: 'cancelled' }),
      enrolments: [],
      waitlist: [],
    });
    expect(swept.guard).toEqual({ status: 'cancelled', enrolledCount: 0, waitlistLength: 0 });
    expect(swept).not.toHaveProperty('status');
    expect(
      codeOf(() =>
        planSessionCancel({ session: session({ status: 'completed' }), enrolments: [], waitlist: [] }),
      ),
    ).toBe('session-not-modifiable');
  });
});
