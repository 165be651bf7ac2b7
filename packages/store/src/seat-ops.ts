/**
 * Turns a seat plan of the domain (`SeatChange`, packages/domain/src/lms/seats.ts) into tagged transaction ops: the
 * session's counters and status under the plan's guard, the status transitions of enrolments (with their learners'
 * booking copies), the queue entries leaving. Each op is conditioned on what the planner read, so a cancelled
 * transaction says by tag which part of the read went stale.
 */
import type { QueueEntry, SeatChange, Transition } from '@parcours/domain/lms/seats';
import type { NativeAttributeValue, OpFailure, TaggedOp } from './gateway.ts';
import { keys } from './keys.ts';
import type { SessionItem } from './session-item.ts';
import { itemFromImage, type WireImage } from './stream-image.ts';

export type SeatTag =
  | { kind: 'session' }
  | { kind: 'enrolment'; learnerId: string }
  | { kind: 'booking'; learnerId: string }
  | { kind: 'queue'; ticket: number }
  | { kind: 'lock' }
  | { kind: 'path' }
  | { kind: 'extra' };
export type SeatOp = TaggedOp<SeatTag>;

/** The session item's part of a change, as expression fragments (placeholders prefixed `s_`). */
export interface SessionSeatExpression {
  /** Assignments to join after `SET` (none when the change only relies on the session's state). */
  set: string[];
  /** Conditions to join with `AND`. */
  conditions: string[];
  names: Record<string, string>;
  values: Record<string, NativeAttributeValue>;
}

const NAMES = {
  '#s_pk': 'pk',
  '#s_st': 'status',
  '#s_cap': 'capacity',
  '#s_ec': 'enrolledCount',
  '#s_wl': 'waitlistLength',
  '#s_start': 'start',
  '#s_end': 'end',
} as const;
type Placeholder = keyof typeof NAMES;

/**
 * The session part of a change, for callers that merge it into their own update of the session item (an item
 * appears once per transaction: a capacity change rides on the session's update). Counters never go below zero.
 */
export function sessionSeatExpression(c: SeatChange): SessionSeatExpression {
  const used = new Set<Placeholder>(['#s_pk']);
  const values: Record<string, NativeAttributeValue> = {};
  const n = (p: Placeholder) => {
    used.add(p);
    return p;
  };
  const v = (placeholder: string, value: NativeAttributeValue) => {
    values[placeholder] = value;
    return placeholder;
  };
  const conditions = [`attribute_exists(${n('#s_pk')})`];
  const set: string[] = [];
  const g = c.guard;
  if (g.status !== undefined) conditions.push(`${n('#s_st')} = ${v(':s_gst', g.status)}`);
  if (g.seatFree !== undefined) {
    const [ec, cap, wl, zero] = [n('#s_ec'), n('#s_cap'), n('#s_wl'), v(':s_zero', 0)];
    conditions.push(
      g.seatFree ? `${ec} < ${cap} AND ${wl} = ${zero}` : `(${ec} >= ${cap} OR ${wl} > ${zero})`,
    );
  }
  if (g.enrolledCount !== undefined) conditions.push(`${n('#s_ec')} = ${v(':s_gec', g.enrolledCount)}`);
  if (g.waitlistLength !== undefined) conditions.push(`${n('#s_wl')} = ${v(':s_gwl', g.waitlistLength)}`);
  if (g.capacity !== undefined) conditions.push(`${n('#s_cap')} = ${v(':s_gcap', g.capacity)}`);
  if (g.schedule !== undefined) {
    conditions.push(
      `${n('#s_start')} = ${v(':s_gstart', g.schedule.start)} AND ${n('#s_end')} = ${v(':s_gend', g.schedule.end)}`,
    );
  }
  const counter = (p: '#s_ec' | '#s_wl', delta: number, tag: string) => {
    if (delta === 0) return;
    set.push(`${n(p)} = ${p} + ${v(`:s_d${tag}`, delta)}`);
    if (delta < 0) conditions.push(`${p} >= ${v(`:s_n${tag}`, -delta)}`);
  };
  counter('#s_ec', c.enrolledDelta, 'e');
  counter('#s_wl', c.waitlistDelta, 'w');
  if (c.capacity !== undefined) set.push(`${n('#s_cap')} = ${v(':s_cap', c.capacity)}`);
  if (c.status !== undefined) set.push(`${n('#s_st')} = ${v(':s_st', c.status)}`);
  const names = Object.fromEntries([...used].map((p) => [p, NAMES[p]]));
  return { set, conditions, names, values };
}

/**
 * The session op of a change: an Update when counters, capacity or status move, else a ConditionCheck of its guard.
 * `returnOld`: a failed condition brings the session back with the cancellation (no second read to plan again).
 */
export function sessionSeatOp(sessionId: string, c: SeatChange, opts: { returnOld?: boolean } = {}): SeatOp {
  const x = sessionSeatExpression(c);
  const common = {
    Key: keys.session.item(sessionId),
    ConditionExpression: x.conditions.join(' AND '),
    ExpressionAttributeNames: x.names,
    ...(Object.keys(x.values).length ? { ExpressionAttributeValues: x.values } : {}),
    ...(opts.returnOld ? { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {}),
  };
  return {
    tag: { kind: 'session' },
    op: x.set.length
      ? { Update: { ...common, UpdateExpression: `SET ${x.set.join(', ')}` } }
      : { ConditionCheck: common },
  };
}

/** An enrolment changes status (if it still has the status read) and its learner's booking copy follows. */
function transitionOps(sessionId: string, t: Transition, actorId: string, now: string): SeatOp[] {
  return [
    {
      tag: { kind: 'enrolment', learnerId: t.learnerId },
      op: {
        Update: {
          Key: keys.session.enrolment(sessionId, t.learnerId),
          UpdateExpression: 'SET #st = :to, updatedAt = :now, updatedBy = :by',
          ConditionExpression: '#st = :from',
          ExpressionAttributeNames: { '#st': 'status' },
          ExpressionAttributeValues: { ':to': t.to, ':from': t.from, ':now': now, ':by': actorId },
        },
      },
    },
    {
      tag: { kind: 'booking', learnerId: t.learnerId },
      op: {
        Update: {
          Key: keys.user.booking(t.learnerId, sessionId),
          UpdateExpression: 'SET #st = :to, updatedAt = :now',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#st': 'status' },
          ExpressionAttributeValues: { ':to': t.to, ':now': now },
        },
      },
    },
  ];
}

/** A queue entry leaves (it must still be there: nobody else promoted or removed it meanwhile). */
function dequeueOp(sessionId: string, e: QueueEntry): SeatOp {
  return {
    tag: { kind: 'queue', ticket: e.ticket },
    op: {
      Delete: {
        Key: keys.session.waitlistEntry(sessionId, e.ticket),
        ConditionExpression: 'attribute_exists(pk)',
      },
    },
  };
}

/**
 * What a change writes besides the session item: the transitions (with their booking copies), the queue entries
 * leaving. For callers that write the session's part themselves (`sessionSeatExpression`).
 */
export function memberOps(sessionId: string, c: SeatChange, ctx: { actorId: string; now: string }): SeatOp[] {
  return [
    ...c.transitions.flatMap((t) => transitionOps(sessionId, t, ctx.actorId, ctx.now)),
    ...c.dequeue.map((e) => dequeueOp(sessionId, e)),
  ];
}

/** Everything a change writes to existing items: the session, the transitions, the queue entries leaving. */
export function changeOps(
  sessionId: string,
  c: SeatChange,
  ctx: { actorId: string; now: string; returnOld?: boolean },
): SeatOp[] {
  return [
    sessionSeatOp(sessionId, c, { returnOld: ctx.returnOld ?? false }),
    ...memberOps(sessionId, c, ctx),
  ];
}

/** The session fields the seat rules read, as a failed session condition returned them (`returnOld`). */
export type SeatSnapshot = Pick<
  SessionItem,
  'status' | 'capacity' | 'enrolledCount' | 'waitlistLength' | 'start' | 'end'
>;

export function seatSnapshot(failure: OpFailure<SeatTag> | undefined): SeatSnapshot | undefined {
  const item = failure?.item ? itemFromImage(failure.item as WireImage) : undefined;
  if (!item) return undefined;
  const { status, capacity, enrolledCount, waitlistLength, start, end } = item;
  const numbers = [capacity, enrolledCount, waitlistLength].every((x) => typeof x === 'number');
  if (!numbers || typeof status !== 'string' || typeof start !== 'string' || typeof end !== 'string')
    return undefined;
  return item as SeatSnapshot;
}

/** The failures whose condition said no (the rest are conflicts the gateway could not get past). */
export function conditionFailures(failures: readonly OpFailure<SeatTag>[]): OpFailure<SeatTag>[] {
  return failures.filter((f) => f.code === 'ConditionalCheckFailed');
}
