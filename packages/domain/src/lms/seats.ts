import type { EnrolmentStatus, SessionStatus } from '../api/sessions-api.ts';
import { conflict } from '../errors.ts';

/**
 * The seat rules of a session, as pure planners: who gets a seat, who waits, who is promoted when a seat frees up.
 * A planner reads a snapshot of the session (its counters and the head of its waitlist) and returns a `SeatChange`:
 * the intended writes as data, each with the condition it relies on. The store turns a change into one conditional
 * transaction; when a condition no longer holds (someone else wrote meanwhile), it reads again and asks the planner
 * again. So these rules hold under any concurrency:
 *
 * - never more learners seated than the capacity;
 * - the waitlist is FIFO by arrival ticket, and a learner holds at most one place in a session;
 * - no free seat while someone waits: a freed or added seat goes to the head of the queue in the same write, and a
 *   newcomer only takes a seat when nobody waits.
 */

/** Statuses that hold a seat or a place in the queue. */
const HOLDS_PLACE: ReadonlySet<EnrolmentStatus> = new Set(['enrolled', 'waitlisted']);
/** After these, the learner may enrol again: a fresh enrolment replaces the record. */
export const REENROLLABLE: ReadonlySet<EnrolmentStatus> = new Set(['cancelled', 'session-cancelled']);

/** One place in a session's waitlist; the queue is ordered by ticket (arrival order). */
export interface QueueEntry {
  learnerId: string;
  ticket: number;
}

/** What the seat rules read of a session. */
export interface SeatCounters {
  status: SessionStatus;
  capacity: number;
  /** Learners holding a seat. */
  enrolledCount: number;
  /** Learners in the queue. */
  waitlistLength: number;
}

export interface Schedule {
  start: string;
  end: string;
}

/**
 * Conditions on the session item that the write requires, as read by the planner: if any no longer holds at commit
 * time, nothing is written and the caller plans again on a fresh read.
 */
export interface SessionGuard {
  status?: SessionStatus;
  /** `true`: a seat is free and nobody waits. `false`: the session is full, or someone already waits. */
  seatFree?: boolean;
  enrolledCount?: number;
  waitlistLength?: number;
  capacity?: number;
  /** The times the enrolment copies (a move meanwhile makes the write retry with the new times). */
  schedule?: Schedule;
}

/** An existing enrolment changing status, on the condition that it is still `from`. */
export interface Transition {
  learnerId: string;
  from: EnrolmentStatus;
  to: EnrolmentStatus;
}

/** A new enrolment: written only if the learner holds none in the session (or only a cancelled one). */
export interface Joiner extends QueueEntry {
  status: 'enrolled' | 'waitlisted';
}

/** The intended writes of one seat transition. Counters move by deltas; queue entries must exist to leave it. */
export interface SeatChange {
  guard: SessionGuard;
  enrolledDelta: number;
  waitlistDelta: number;
  /** The session's new capacity / status, when they change. */
  capacity?: number;
  status?: SessionStatus;
  join?: Joiner;
  transitions: Transition[];
  enqueue: QueueEntry[];
  dequeue: QueueEntry[];
}

const change = (c: Partial<SeatChange> & Pick<SeatChange, 'guard'>): SeatChange => ({
  enrolledDelta: 0,
  waitlistDelta: 0,
  transitions: [],
  enqueue: [],
  dequeue: [],
  ...c,
});

function isSeatFree(s: SeatCounters): boolean {
  return s.enrolledCount < s.capacity && s.waitlistLength === 0;
}

/** Statuses a session must be in to change its schedule or capacity (the same rule as `planScheduleChange`). */
function assertModifiable(s: SeatCounters & { id: string }): void {
  if (s.status !== 'scheduled') {
    throw conflict('session-not-modifiable', `Session '${s.id}' is ${s.status}: it cannot change`, {
      status: s.status,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Enrol
// ---------------------------------------------------------------------------------------------------------------

export interface EnrolRequest {
  session: SeatCounters & Schedule & { id: string };
  learnerId: string;
  /** The request's arrival ticket (FIFO order of the waitlist). */
  ticket: number;
  /** The learner's enrolment in this session as read, if any. */
  current?: EnrolmentStatus | undefined;
  /**
   * Requests that arrived just before this one (their tickets come between the read of the session and this
   * request's ticket) and have not committed yet: in a burst they will take the free seats this snapshot still
   * shows. When they outnumber the free seats, the plan is a waitlist place, guarded by "no seat free" — if seats are
   * in fact still free at commit, the guard fails and the next plan (on what the write found) takes one. A hint for
   * the first plan only: the guard, not the hint, decides who gets a seat; the hint spares a write doomed to fail.
   */
  concurrentAhead?: number;
}

export type EnrolPlan =
  /** The learner already holds an enrolment in this session: a retry, answered with it (idempotent). */
  { kind: 'existing' } | { kind: 'seat' | 'waitlist'; change: SeatChange };

export function planEnrol(r: EnrolRequest): EnrolPlan {
  const s = r.session;
  if (s.status !== 'scheduled') throw conflict('session-not-open', `Session '${s.id}' is ${s.status}`);
  if (r.current !== undefined && !REENROLLABLE.has(r.current)) return { kind: 'existing' };
  const seat = isSeatFree(s) && (r.concurrentAhead ?? 0) < s.capacity - s.enrolledCount;
  const guard: SessionGuard = {
    status: 'scheduled',
    seatFree: seat,
    schedule: { start: s.start, end: s.end },
  };
  const me = { learnerId: r.learnerId, ticket: r.ticket };
  return seat
    ? { kind: 'seat', change: change({ guard, enrolledDelta: 1, join: { ...me, status: 'enrolled' } }) }
    : {
        kind: 'waitlist',
        change: change({ guard, waitlistDelta: 1, join: { ...me, status: 'waitlisted' }, enqueue: [me] }),
      };
}

// ---------------------------------------------------------------------------------------------------------------
// Cancel one enrolment
// ---------------------------------------------------------------------------------------------------------------

export interface CancelRequest {
  session: SeatCounters;
  /** The queue as read, FIFO: at least its head when the learner holds a seat and someone waits. */
  waitlist: readonly QueueEntry[];
  enrolment: QueueEntry & { status: EnrolmentStatus };
}

export type CancelPlan =
  /** Already cancelled: a retry (idempotent). */
  | { kind: 'unchanged' }
  /** The counters say someone waits but no queue entry was read: the two reads crossed a change. */
  | { kind: 'reread' }
  | { kind: 'cancel'; change: SeatChange; promoted?: QueueEntry };

/**
 * A learner leaves. A waitlist place is simply given up. A freed seat goes to the head of the queue in the same
 * write, guarded by the queue length read (someone joining or leaving meanwhile makes it plan again, on the new
 * head); with nobody waiting, the seat is freed on the condition that still nobody waits.
 */
export function planCancel(r: CancelRequest): CancelPlan {
  const e = r.enrolment;
  if (REENROLLABLE.has(e.status)) return { kind: 'unchanged' };
  if (!HOLDS_PLACE.has(e.status)) {
    throw conflict('enrolment-not-active', `An enrolment in status '${e.status}' cannot be cancelled`);
  }
  const me = { learnerId: e.learnerId, from: e.status, to: 'cancelled' } as const;
  if (e.status === 'waitlisted') {
    return {
      kind: 'cancel',
      change: change({
        guard: {},
        waitlistDelta: -1,
        transitions: [me],
        dequeue: [{ learnerId: e.learnerId, ticket: e.ticket }],
      }),
    };
  }
  const waiting = r.session.waitlistLength;
  if (waiting === 0) {
    return {
      kind: 'cancel',
      change: change({ guard: { waitlistLength: 0 }, enrolledDelta: -1, transitions: [me] }),
    };
  }
  const head = r.waitlist[0];
  if (!head) return { kind: 'reread' };
  return {
    kind: 'cancel',
    promoted: head,
    change: change({
      guard: { waitlistLength: waiting },
      waitlistDelta: -1,
      transitions: [me, { learnerId: head.learnerId, from: 'waitlisted', to: 'enrolled' }],
      dequeue: [head],
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Capacity change, promotions, session cancel
// ---------------------------------------------------------------------------------------------------------------

export interface PromotionPlan {
  change: SeatChange;
  /** Promoted from the head of the queue, in FIFO order. */
  promoted: QueueEntry[];
  /** Seats still free while people wait (promotions beyond `maxPromotions`): run `planPromotions` after this one. */
  remaining: number;
}

/**
 * How many learners the queue owes seats to: free seats (at `capacity`, the session's own unless given) while people
 * wait, in a scheduled session. The caller reads that many heads of the queue (at most) before planning.
 */
export function promotionsDue(s: SeatCounters, capacity: number = s.capacity): number {
  if (s.status !== 'scheduled') return 0;
  return Math.max(0, Math.min(capacity - s.enrolledCount, s.waitlistLength));
}

/** Heads of the queue to promote into `free` seats, or undefined when the queue read is shorter than the counter. */
function heads(
  s: SeatCounters,
  waitlist: readonly QueueEntry[],
  free: number,
  max: number,
): { promoted: QueueEntry[]; remaining: number } | undefined {
  const due = Math.max(0, Math.min(free, s.waitlistLength));
  const n = Math.min(due, max);
  if (waitlist.length < n) return undefined;
  return { promoted: waitlist.slice(0, n), remaining: due - n };
}

function promotionChange(
  s: SeatCounters,
  promoted: QueueEntry[],
  extra: Pick<SeatChange, 'capacity'> = {},
): SeatChange {
  return change({
    // Exactly the counters read: a newcomer or a leaver meanwhile changes who the heads are.
    guard: {
      status: 'scheduled',
      capacity: s.capacity,
      enrolledCount: s.enrolledCount,
      waitlistLength: s.waitlistLength,
    },
    enrolledDelta: promoted.length,
    waitlistDelta: -promoted.length,
    transitions: promoted.map((p) => ({ learnerId: p.learnerId, from: 'waitlisted', to: 'enrolled' })),
    dequeue: promoted,
    ...extra,
  });
}

/**
 * The lab changes a session's capacity. Below the learners already seated is refused; raising it while people wait
 * promotes the heads of the queue into the new seats in the same write (at most `maxPromotions`, the room left in
 * the caller's transaction; the rest follow with `planPromotions`). `waitlist`: the queue's first entries, as many
 * as the new seats (fewer → `reread`).
 */
export function planCapacityChange(r: {
  session: SeatCounters & { id: string };
  waitlist: readonly QueueEntry[];
  capacity: number;
  maxPromotions?: number;
}): PromotionPlan | { kind: 'reread' } {
  const s = r.session;
  assertModifiable(s);
  if (r.capacity < s.enrolledCount) {
    throw conflict(
      'capacity-below-enrolled',
      `${s.enrolledCount} learners already hold a seat: capacity cannot go below that`,
      { enrolledCount: s.enrolledCount, capacity: r.capacity },
    );
  }
  const h = heads(s, r.waitlist, r.capacity - s.enrolledCount, r.maxPromotions ?? Number.POSITIVE_INFINITY);
  if (!h) return { kind: 'reread' };
  return { change: promotionChange(s, h.promoted, { capacity: r.capacity }), ...h };
}

/** Free seats while people wait (after a capacity change promoted only part of the queue): promote the heads. */
export function planPromotions(r: {
  session: SeatCounters;
  waitlist: readonly QueueEntry[];
  maxPromotions?: number;
}): PromotionPlan | { kind: 'settled' } | { kind: 'reread' } {
  const s = r.session;
  const free = s.capacity - s.enrolledCount;
  if (s.status !== 'scheduled' || Math.min(free, s.waitlistLength) <= 0) return { kind: 'settled' };
  const h = heads(s, r.waitlist, free, r.maxPromotions ?? Number.POSITIVE_INFINITY);
  if (!h) return { kind: 'reread' };
  return { change: promotionChange(s, h.promoted), ...h };
}

/**
 * The lab cancels a session: every enrolment holding a place becomes `session-cancelled` and the queue is emptied;
 * the session's counters are kept as they were (the record of what the session had). The flip is guarded by the
 * counters read: an enrolment or a cancellation slipping in after the read makes it plan again, with that learner.
 * A completed session cannot be cancelled; cancelling a cancelled one sweeps anything left holding a place.
 */
export function planSessionCancel(r: {
  session: SeatCounters & { id: string };
  enrolments: readonly { learnerId: string; status: EnrolmentStatus }[];
  waitlist: readonly QueueEntry[];
}): SeatChange {
  const s = r.session;
  if (s.status === 'completed') {
    throw conflict('session-not-modifiable', `Session '${s.id}' is completed: it cannot be cancelled`, {
      status: s.status,
    });
  }
  return change({
    guard: { status: s.status, enrolledCount: s.enrolledCount, waitlistLength: s.waitlistLength },
    ...(s.status === 'scheduled' ? { status: 'cancelled' as const } : {}),
    transitions: r.enrolments
      .filter((e) => HOLDS_PLACE.has(e.status))
      .map((e) => ({ learnerId: e.learnerId, from: e.status, to: 'session-cancelled' })),
    dequeue: [...r.waitlist],
  });
}
