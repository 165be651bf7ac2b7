import { describe, expect, it } from 'vitest';
import {
  durationString,
  notificationSettings,
  notificationSettingsSchema,
} from '../../../packages/domain/src/content/notification-settings.ts';
import { backoffMs, notificationId, shardOf } from '../../../packages/domain/src/notifications/model.ts';
import {
  planEnrolmentChange,
  planSessionChange,
  type SessionFacts,
} from '../../../packages/domain/src/notifications/plan.ts';
import { enrolment } from './fixtures.ts';

const H = 3_600_000;
const D = 24 * H;
const settings = {
  learnerReminders: [2 * D, 2 * H],
  trainerUpcomingFacilitation: 3 * D,
  trainerAttendancePending: {
    afterEnd: 24 * H,
    roles: ['lead', 'co-facilitator'] as ('lead' | 'co-facilitator')[],
  },
  evaluationReminderBeforeClose: 3 * D,
};
const session: SessionFacts = {
  id: 's-1',
  start: '2027-03-10T08:30:00.000Z',
  end: '2027-03-10T10:00:00.000Z',
  status: 'scheduled',
  version: 1,
  facilitators: [
    { trainerId: 't-lead', role: 'lead' },
    { trainerId: 't-shadow', role: 'shadow' },
  ],
  createdAt: '2027-02-01T09:00:00.000Z',
  updatedAt: '2027-02-01T09:00:00.000Z',
};

describe('settings (content/notifications.json)', () => {
  it('the shipped file is valid; reminders default to 2 days and 2 hours before the start', () => {
    const s = notificationSettings();
    expect(s.learnerReminders).toEqual([2 * D, 2 * H]);
    expect(s.delivery.maxAttempts).toBeGreaterThan(1);
    expect(s.retention.sent).toBeGreaterThan(0);
  });

  it('durations are "<n>m|h|d"; anything else is rejected', () => {
    expect(durationString.parse('90m')).toBe(90 * 60_000);
    expect(durationString.safeParse('2 days').success).toBe(false);
    expect(durationString.safeParse('0h').success).toBe(false);
    expect(notificationSettingsSchema.safeParse({ ...notificationSettings(), extra: 1 }).success).toBe(false);
  });
});

describe('ids, shards, backoff', () => {
  it('ids are deterministic and differ by any part', () => {
    expect(notificationId('enrolment', 'e-1', 'session-reminder', 7200000, 'admit')).toBe(
      notificationId('enrolment', 'e-1', 'session-reminder', 7200000, 'admit'),
    );
    expect(notificationId('enrolment', 'e-1', 'session-reminder', 7200000, 'v2')).not.toBe(
      notificationId('enrolment', 'e-1', 'session-reminder', 7200000, 'admit'),
    );
    expect(notificationId('a')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('shards spread ids over every partition', () => {
    const counts = new Array(8).fill(0);
    for (let i = 0; i < 800; i++) counts[shardOf(notificationId('x', i), 8)] += 1;
    for (const c of counts) expect(c).toBeGreaterThan(60);
  });

  it('backoff doubles from the base up to the cap, with at most 20% jitter', () => {
    const opts = { backoffBase: 60_000, backoffMax: 3_600_000 };
    expect(backoffMs(1, opts, () => 0)).toBe(60_000);
    expect(backoffMs(2, opts, () => 0)).toBe(120_000);
    expect(backoffMs(4, opts, () => 0)).toBe(480_000);
    expect(backoffMs(20, opts, () => 0)).toBe(3_600_000);
    expect(backoffMs(1, opts, () => 1)).toBe(72_000);
  });
});

describe('planning from enrolment changes', () => {
  const times = { start: session.start, end: session.end, status: 'scheduled' as const };

  it('a new enrolled enrolment: a confirmation with an invitation now, and reminders 2 days and 2 hours before', () => {
    const plan = planEnrolmentChange({ eventName: 'INSERT', new: enrolment() }, times, settings);
    expect(plan.cancel).toEqual([]);
    const [confirm, ...reminders] = plan.create;
    expect(confirm).toMatchObject({
      kind: 'enrolment-confirmed',
      ics: 'REQUEST',
      dueAt: '2027-02-10T09:00:00.000Z',
      recipientId: 'l-1',
    });
    expect(reminders.map((r) => [r.kind, r.dueAt])).toEqual([
      ['session-reminder', '2027-03-08T08:30:00.000Z'],
      ['session-reminder', '2027-03-10T06:30:00.000Z'],
    ]);
    // Replaying the same record plans the same ids.
    const again = planEnrolmentChange({ eventName: 'INSERT', new: enrolment() }, times, settings);
    expect(again.create.map((d) => d.id)).toEqual(plan.create.map((d) => d.id));
    expect(new Set(plan.create.map((d) => d.id)).size).toBe(3);
  });

  it('reminders already in the past are not planned', () => {
    const late = enrolment({ createdAt: '2027-03-09T12:00:00.000Z', updatedAt: '2027-03-09T12:00:00.000Z' });
    const plan = planEnrolmentChange({ eventName: 'INSERT', new: late }, times, settings);
    expect(plan.create.map((d) => d.kind)).toEqual(['enrolment-confirmed', 'session-reminder']);
  });

  it('waitlisted: one waitlist message, no reminder, no invitation', () => {
    const plan = planEnrolmentChange(
      { eventName: 'INSERT', new: enrolment({ status: 'waitlisted' }) },
      times,
      settings,
    );
    expect(plan.create).toHaveLength(1);
    expect(plan.create[0]).toMatchObject({ kind: 'enrolment-waitlisted' });
    expect(plan.create[0]!.ics).toBeUndefined();
  });

  it('promoted: an invitation and reminders; the pending waitlist message is cancelled', () => {
    const plan = planEnrolmentChange(
      {
        eventName: 'MODIFY',
        old: enrolment({ status: 'waitlisted' }),
        new: enrolment({ updatedAt: '2027-02-20T09:00:00.000Z' }),
      },
      times,
      settings,
    );
    expect(plan.create.map((d) => d.kind)).toEqual([
      'enrolment-promoted',
      'session-reminder',
      'session-reminder',
    ]);
    expect(plan.create[0]!.ics).toBe('REQUEST');
    expect(plan.cancel).toHaveLength(1);
    expect(
      plan.cancel[0]!.only!({
        kind: 'enrolment-waitlisted',
        sessionStart: '',
        sessionEnd: '',
        recipientId: 'l-1',
      }),
    ).toBe(true);
    expect(
      plan.cancel[0]!.only!({
        kind: 'session-reminder',
        sessionStart: '',
        sessionEnd: '',
        recipientId: 'l-1',
      }),
    ).toBe(false);
  });

  it('cancelled: every pending message cancelled, a cancellation with METHOD:CANCEL (only if it held a seat)', () => {
    const plan = planEnrolmentChange(
      {
        eventName: 'MODIFY',
        old: enrolment(),
        new: enrolment({ status: 'cancelled', updatedAt: '2027-02-15T09:00:00.000Z' }),
      },
      times,
      settings,
    );
    expect(plan.cancel).toEqual([
      { subject: { type: 'enrolment', enrolmentId: 'e-1' }, reason: 'enrolment-cancelled' },
    ]);
    expect(plan.create).toHaveLength(1);
    expect(plan.create[0]).toMatchObject({
      kind: 'enrolment-cancelled',
      ics: 'CANCEL',
      dueAt: '2027-02-15T09:00:00.000Z',
    });
    const fromWaitlist = planEnrolmentChange(
      {
        eventName: 'MODIFY',
        old: enrolment({ status: 'waitlisted' }),
        new: enrolment({ status: 'cancelled' }),
      },
      times,
      settings,
    );
    expect(fromWaitlist.create[0]!.ics).toBeUndefined();
  });

  it('a status-preserving change (times copied onto the enrolment) plans nothing', () => {
    const plan = planEnrolmentChange(
      { eventName: 'MODIFY', old: enrolment(), new: enrolment({ updatedAt: 'later' }) },
      times,
      settings,
    );
    expect(plan).toEqual({ create: [], cancel: [] });
  });

  it('a re-enrolment over a cancelled one (new id) is a new enrolment', () => {
    const plan = planEnrolmentChange(
      { eventName: 'MODIFY', old: enrolment({ status: 'cancelled' }), new: enrolment({ id: 'e-2' }) },
      times,
      settings,
    );
    expect(plan.create[0]).toMatchObject({ kind: 'enrolment-confirmed', enrolmentId: 'e-2' });
  });

  it('session-cancelled from the enrolment and from the session plan the same id (created once)', () => {
    const fromEnrolment = planEnrolmentChange(
      { eventName: 'MODIFY', old: enrolment(), new: enrolment({ status: 'session-cancelled' }) },
      times,
      settings,
    );
    const fromSession = planSessionChange(
      {
        eventName: 'MODIFY',
        old: session,
        new: { ...session, status: 'cancelled', version: 2, updatedAt: '2027-02-20T00:00:00.000Z' },
      },
      [enrolment()],
      settings,
    );
    const a = fromEnrolment.create.find((d) => d.kind === 'session-cancelled')!;
    const b = fromSession.create.find((d) => d.kind === 'session-cancelled')!;
    expect(a.id).toBe(b.id);
    expect(b.ics).toBe('CANCEL');
  });
});

describe('planning from session changes', () => {
  const moved: SessionFacts = {
    ...session,
    start: '2027-03-12T13:00:00.000Z',
    end: '2027-03-12T14:30:00.000Z',
    version: 2,
    updatedAt: '2027-02-20T10:00:00.000Z',
  };

  it('a new session: upcoming facilitation 3 days before for each facilitator, attendance check after the end for leads', () => {
    const plan = planSessionChange({ eventName: 'INSERT', new: session }, [], settings);
    expect(plan.create.map((d) => [d.kind, d.recipientId, d.dueAt])).toEqual([
      ['trainer-upcoming-facilitation', 't-lead', '2027-03-07T08:30:00.000Z'],
      ['trainer-attendance-pending', 't-lead', '2027-03-11T10:00:00.000Z'],
      ['trainer-upcoming-facilitation', 't-shadow', '2027-03-07T08:30:00.000Z'],
    ]);
    expect(plan.create[0]!.trainerRole).toBe('lead');
  });

  it('a move re-times reminders (new generation), tells each active learner, and only those enrolled before the move', () => {
    const before = enrolment();
    const waiting = enrolment({ id: 'e-w', learnerId: 'l-w', status: 'waitlisted' });
    const after = enrolment({ id: 'e-late', learnerId: 'l-late', createdAt: '2027-02-21T00:00:00.000Z' });
    const gone = enrolment({ id: 'e-gone', learnerId: 'l-gone', status: 'cancelled' });
    const plan = planSessionChange(
      { eventName: 'MODIFY', old: session, new: moved },
      [before, waiting, after, gone],
      settings,
    );
    const forLearner = (id: string) =>
      plan.create.filter((d) => d.recipientId === id).map((d) => [d.kind, d.dueAt, d.ics]);
    expect(forLearner('l-1')).toEqual([
      ['session-moved', '2027-02-20T10:00:00.000Z', 'REQUEST'],
      ['session-reminder', '2027-03-10T13:00:00.000Z', undefined],
      ['session-reminder', '2027-03-12T11:00:00.000Z', undefined],
    ]);
    expect(forLearner('l-w')).toEqual([['session-moved', '2027-02-20T10:00:00.000Z', undefined]]);
    expect(forLearner('l-late')).toEqual([]);
    expect(forLearner('l-gone')).toEqual([]);
    const moveNotice = plan.create.find((d) => d.recipientId === 'l-1' && d.kind === 'session-moved')!;
    expect(moveNotice.previousStart).toBe(session.start);
    // Old reminders (planned for the old times) are cancelled; those for the new times are not.
    const cancel = plan.cancel.find(
      (c) => c.subject.type === 'enrolment' && c.subject.enrolmentId === 'e-1',
    )!;
    expect(
      cancel.only!({
        kind: 'session-reminder',
        sessionStart: session.start,
        sessionEnd: session.end,
        recipientId: 'l-1',
      }),
    ).toBe(true);
    expect(
      cancel.only!({
        kind: 'session-reminder',
        sessionStart: moved.start,
        sessionEnd: moved.end,
        recipientId: 'l-1',
      }),
    ).toBe(false);
    expect(
      cancel.only!({
        kind: 'enrolment-confirmed',
        sessionStart: session.start,
        sessionEnd: session.end,
        recipientId: 'l-1',
      }),
    ).toBe(false);
    // Trainers are re-planned too.
    expect(plan.create.filter((d) => d.recipientRole === 'trainer').map((d) => d.generation)).toEqual([
      'v2',
      'v2',
      'v2',
    ]);
    // Moving back later is a new generation again: new ids, nothing collides with the cancelled first reminders.
    const back = planSessionChange(
      {
        eventName: 'MODIFY',
        old: moved,
        new: { ...session, version: 3, updatedAt: '2027-02-22T00:00:00.000Z' },
      },
      [before],
      settings,
    );
    const first = planEnrolmentChange({ eventName: 'INSERT', new: before }, session, settings);
    const ids = new Set(first.create.map((d) => d.id));
    for (const d of back.create) expect(ids.has(d.id)).toBe(false);
  });

  it('counter updates (enrolments) plan nothing', () => {
    const plan = planSessionChange(
      { eventName: 'MODIFY', old: session, new: { ...session, updatedAt: 'x' } },
      [],
      settings,
    );
    expect(plan).toEqual({ create: [], cancel: [] });
  });

  it('completion cancels the attendance reminder (evaluations are planned per attendee, from the enrolments)', () => {
    const plan = planSessionChange(
      { eventName: 'MODIFY', old: session, new: { ...session, status: 'completed' } },
      [],
      settings,
    );
    expect(plan.create).toEqual([]);
    expect(
      plan.cancel[0]!.only!({
        kind: 'trainer-attendance-pending',
        sessionStart: '',
        sessionEnd: '',
        recipientId: 't',
      }),
    ).toBe(true);
  });

  it('a facilitator change re-plans the trainers only', () => {
    const plan = planSessionChange(
      {
        eventName: 'MODIFY',
        old: session,
        new: { ...session, version: 2, facilitators: [{ trainerId: 't-new', role: 'co-facilitator' }] },
      },
      [enrolment()],
      settings,
    );
    expect(plan.create.map((d) => [d.kind, d.recipientId])).toEqual([
      ['trainer-upcoming-facilitation', 't-new'],
      ['trainer-attendance-pending', 't-new'],
    ]);
    expect(plan.cancel.map((c) => c.subject.type)).toEqual(['session-trainers']);
  });
});
