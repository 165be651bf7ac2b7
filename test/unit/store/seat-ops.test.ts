import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  planCancel,
  planCapacityChange,
  planEnrol,
  planSessionCancel,
  type SeatChange,
} from '../../../packages/domain/src/lms/seats.ts';
import type { TransactItem } from '../../../packages/store/src/gateway.ts';
import {
  changeOps,
  memberOps,
  seatSnapshot,
  sessionSeatExpression,
  sessionSeatOp,
} from '../../../packages/store/src/seat-ops.ts';

const schedule = { start: '2027-03-10T09:00:00.000Z', end: '2027-03-10T10:30:00.000Z' };
const session = { id: 's-1', status: 'scheduled' as const, capacity: 2, enrolledCount: 0, waitlistLength: 0 };

interface Expressions {
  Key?: unknown;
  UpdateExpression?: string;
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

function body(op: TransactItem): Expressions {
  if ('Update' in op) return op.Update;
  if ('ConditionCheck' in op) return op.ConditionCheck;
  if ('Delete' in op) return op.Delete;
  return op.Put;
}

/** DynamoDB refuses a request whose placeholders are undeclared, or declared and unused. */
function placeholdersMatch(op: TransactItem): void {
  const b = body(op);
  const text = `${b.UpdateExpression ?? ''} ${b.ConditionExpression ?? ''}`;
  const used = (sigil: string) => new Set(text.match(new RegExp(`${sigil}[A-Za-z0-9_]+`, 'g')) ?? []);
  expect(used('#')).toEqual(new Set(Object.keys(b.ExpressionAttributeNames ?? {})));
  expect(used(':')).toEqual(new Set(Object.keys(b.ExpressionAttributeValues ?? {})));
}

describe('seat ops', () => {
  it('a seat: the counter moves under "a seat is free, nobody waits", the status and the times read', () => {
    const plan = planEnrol({ session: { ...session, ...schedule }, learnerId: 'l', ticket: 3 });
    if (plan.kind === 'existing') throw new Error('unexpected');
    const { op, tag } = sessionSeatOp('s-1', plan.change, { returnOld: true });
    expect(tag).toEqual({ kind: 'session' });
    expect(op).toEqual({
      Update: {
        Key: { pk: 'session#s-1', sk: 'session' },
        UpdateExpression: 'SET #s_ec = #s_ec + :s_de',
        ConditionExpression:
          'attribute_exists(#s_pk) AND #s_st = :s_gst AND #s_ec < #s_cap AND #s_wl = :s_zero AND #s_start = :s_gstart AND #s_end = :s_gend',
        ExpressionAttributeNames: {
          '#s_pk': 'pk',
          '#s_st': 'status',
          '#s_ec': 'enrolledCount',
          '#s_cap': 'capacity',
          '#s_wl': 'waitlistLength',
          '#s_start': 'start',
          '#s_end': 'end',
        },
        ExpressionAttributeValues: {
          ':s_gst': 'scheduled',
          ':s_zero': 0,
          ':s_gstart': schedule.start,
          ':s_gend': schedule.end,
          ':s_de': 1,
        },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    });
  });

  it('a cancel with promotion: the queue length read, never below zero; both learners and the entry, tagged', () => {
    const plan = planCancel({
      session: { ...session, enrolledCount: 2, waitlistLength: 1 },
      waitlist: [{ learnerId: 'w', ticket: 7 }],
      enrolment: { learnerId: 'l', ticket: 1, status: 'enrolled' },
    });
    if (plan.kind !== 'cancel') throw new Error('unexpected');
    const ops = changeOps('s-1', plan.change, { actorId: 'a', now: '2027-01-01T00:00:00.000Z' });
    expect(ops.map((o) => o.tag)).toEqual([
      { kind: 'session' },
      { kind: 'enrolment', learnerId: 'l' },
      { kind: 'booking', learnerId: 'l' },
      { kind: 'enrolment', learnerId: 'w' },
      { kind: 'booking', learnerId: 'w' },
      { kind: 'queue', ticket: 7 },
    ]);
    const s = body(ops[0]!.op);
    expect(s.UpdateExpression).toBe('SET #s_wl = #s_wl + :s_dw');
    expect(s.ConditionExpression).toBe('attribute_exists(#s_pk) AND #s_wl = :s_gwl AND #s_wl >= :s_nw');
    expect(body(ops[5]!.op)).toEqual({
      Key: { pk: 'session#s-1', sk: 'waitlist#000000000007' },
      ConditionExpression: 'attribute_exists(pk)',
    });
  });

  it('a capacity change merged into the session update: its counters, capacity and guard; the rest apart', () => {
    const plan = planCapacityChange({
      session: { ...session, capacity: 3, enrolledCount: 3, waitlistLength: 4 },
      waitlist: [
        { learnerId: 'a', ticket: 4 },
        { learnerId: 'b', ticket: 5 },
      ],
      capacity: 5,
    });
    if ('kind' in plan) throw new Error('unexpected');
    const x = sessionSeatExpression(plan.change);
    expect(x.set).toEqual(['#s_ec = #s_ec + :s_de', '#s_wl = #s_wl + :s_dw', '#s_cap = :s_cap']);
    expect(x.conditions.join(' AND ')).toBe(
      'attribute_exists(#s_pk) AND #s_st = :s_gst AND #s_ec = :s_gec AND #s_wl = :s_gwl AND #s_cap = :s_gcap AND #s_wl >= :s_nw',
    );
    expect(x.values).toMatchObject({
      ':s_de': 2,
      ':s_dw': -2,
      ':s_cap': 5,
      ':s_gec': 3,
      ':s_gwl': 4,
      ':s_gcap': 3,
    });
    // Placeholders all carry the `s_` prefix: they cannot collide with the caller's own.
    for (const p of [...Object.keys(x.names), ...Object.keys(x.values)]) expect(p).toMatch(/^[#:]s_/);
    const ops = memberOps('s-1', plan.change, { actorId: 'lab', now: 'n' });
    expect(ops.map((o) => o.tag)).toEqual([
      { kind: 'enrolment', learnerId: 'a' },
      { kind: 'booking', learnerId: 'a' },
      { kind: 'enrolment', learnerId: 'b' },
      { kind: 'booking', learnerId: 'b' },
      { kind: 'queue', ticket: 4 },
      { kind: 'queue', ticket: 5 },
    ]);
    expect(changeOps('s-1', plan.change, { actorId: 'lab', now: 'n' }).slice(1)).toEqual(ops);
  });

  it('every planned change makes well-formed ops (property)', () => {
    const counters = fc.record({
      status: fc.constantFrom('scheduled' as const, 'cancelled' as const),
      capacity: fc.integer({ min: 1, max: 5 }),
      enrolledCount: fc.integer({ min: 0, max: 5 }),
      waitlistLength: fc.integer({ min: 0, max: 3 }),
    });
    type Counters = Omit<typeof session, 'status'> & { status: 'scheduled' | 'cancelled' };
    const changes = (c: Counters): SeatChange[] => {
      const waitlist = Array.from({ length: c.waitlistLength }, (_, i) => ({
        learnerId: `w${i}`,
        ticket: i + 10,
      }));
      const out: SeatChange[] = [];
      const attempt = (f: () => SeatChange | undefined) => {
        try {
          const x = f();
          if (x) out.push(x);
        } catch {
          // A refusal (409) plans nothing.
        }
      };
      attempt(() => {
        const p = planEnrol({ session: { ...c, ...schedule }, learnerId: 'n', ticket: 99 });
        return p.kind === 'existing' ? undefined : p.change;
      });
      for (const status of ['enrolled', 'waitlisted'] as const) {
        attempt(() => {
          const p = planCancel({ session: c, waitlist, enrolment: { learnerId: 'l', ticket: 1, status } });
          return p.kind === 'cancel' ? p.change : undefined;
        });
      }
      attempt(() => {
        const p = planCapacityChange({ session: c, waitlist, capacity: c.capacity + 2 });
        return 'kind' in p ? undefined : p.change;
      });
      attempt(() =>
        planSessionCancel({ session: c, enrolments: [{ learnerId: 'l', status: 'enrolled' }], waitlist }),
      );
      return out;
    };
    fc.assert(
      fc.property(counters, (c) => {
        for (const change of changes({ ...session, ...c })) {
          for (const { op } of changeOps('s-1', change, { actorId: 'a', now: 'n', returnOld: true })) {
            placeholdersMatch(op);
          }
        }
      }),
    );
  });

  it('reads back the session a failed condition returned (wire format), or nothing when it is not one', () => {
    const item = {
      status: { S: 'scheduled' },
      capacity: { N: '20' },
      enrolledCount: { N: '20' },
      waitlistLength: { N: '3' },
      start: { S: schedule.start },
      end: { S: schedule.end },
      moduleId: { S: 'm' },
    };
    const failure = (i?: Record<string, unknown>) => ({
      index: 0,
      tag: { kind: 'session' as const },
      code: 'ConditionalCheckFailed',
      ...(i ? { item: i as never } : {}),
    });
    expect(seatSnapshot(failure(item))).toMatchObject({ capacity: 20, enrolledCount: 20, waitlistLength: 3 });
    expect(seatSnapshot(failure())).toBeUndefined();
    expect(seatSnapshot(failure({ status: { S: 'scheduled' } }))).toBeUndefined();
  });
});
