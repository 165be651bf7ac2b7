import { describe, expect, it } from 'vitest';
import { signLinkToken, verifyLinkToken } from '../../../packages/domain/src/notifications/links.ts';
import { type CurrentState, staleReason } from '../../../packages/domain/src/notifications/validity.ts';

const start = '2027-03-10T08:30:00.000Z';
const end = '2027-03-10T10:00:00.000Z';
const reminder = {
  kind: 'session-reminder' as const,
  enrolmentId: 'e-1',
  sessionStart: start,
  sessionEnd: end,
  recipientId: 'l-1',
};
const ok: CurrentState = {
  session: { status: 'scheduled', start, end, facilitators: [{ trainerId: 't-1', role: 'lead' }] },
  enrolment: { id: 'e-1', status: 'enrolled' },
};
const before = '2027-03-08T08:30:00.000Z';

describe('send-time re-validation', () => {
  it('a reminder goes only to a still-enrolled learner of an unmoved, scheduled, not yet started session', () => {
    expect(staleReason(reminder, ok, before)).toBeUndefined();
    expect(staleReason(reminder, { ...ok, enrolment: { id: 'e-1', status: 'cancelled' } }, before)).toBe(
      'enrolment-not-enrolled',
    );
    expect(staleReason(reminder, { ...ok, enrolment: { id: 'e-2', status: 'enrolled' } }, before)).toBe(
      'enrolment-not-enrolled',
    );
    expect(
      staleReason(
        reminder,
        { ...ok, session: { ...ok.session!, start: '2027-03-11T08:30:00.000Z' } },
        before,
      ),
    ).toBe('session-moved');
    expect(staleReason(reminder, { ...ok, session: { ...ok.session!, status: 'cancelled' } }, before)).toBe(
      'session-cancelled',
    );
    expect(staleReason(reminder, ok, start)).toBe('session-started');
    expect(staleReason(reminder, {}, before)).toBe('session-gone');
  });

  it('a confirmation still goes after a move (with the new times), not after a cancellation', () => {
    const confirm = { ...reminder, kind: 'enrolment-confirmed' as const };
    expect(
      staleReason(confirm, { ...ok, session: { ...ok.session!, start: '2027-03-11T08:30:00.000Z' } }, before),
    ).toBeUndefined();
    expect(staleReason(confirm, { ...ok, enrolment: { id: 'e-1', status: 'cancelled' } }, before)).toBe(
      'enrolment-not-enrolled',
    );
  });

  it('a cancellation always goes; a session cancellation only if the session is cancelled', () => {
    expect(
      staleReason(
        { ...reminder, kind: 'enrolment-cancelled' },
        { ...ok, enrolment: { id: 'e-9', status: 'enrolled' } },
        before,
      ),
    ).toBeUndefined();
    expect(staleReason({ ...reminder, kind: 'session-cancelled' }, ok, before)).toBe('session-not-cancelled');
    expect(
      staleReason(
        { ...reminder, kind: 'session-cancelled' },
        { ...ok, session: { ...ok.session!, status: 'cancelled' } },
        before,
      ),
    ).toBeUndefined();
    // Mid-cancellation: the enrolment already flipped, the session not yet.
    expect(
      staleReason(
        { ...reminder, kind: 'session-cancelled' },
        { ...ok, enrolment: { id: 'e-1', status: 'session-cancelled' } },
        before,
      ),
    ).toBeUndefined();
  });

  it('a move notice superseded by a later move is stale', () => {
    const notice = { ...reminder, kind: 'session-moved' as const };
    expect(staleReason(notice, ok, before)).toBeUndefined();
    expect(
      staleReason(notice, { ...ok, session: { ...ok.session!, end: '2027-03-10T11:00:00.000Z' } }, before),
    ).toBe('session-moved-again');
  });

  it('attendance reminder: only while attendance is not taken, to a current facilitator', () => {
    const n = { ...reminder, kind: 'trainer-attendance-pending' as const, recipientId: 't-1' };
    expect(staleReason(n, ok, '2027-03-11T10:00:00.000Z')).toBeUndefined();
    expect(
      staleReason(
        n,
        { ...ok, session: { ...ok.session!, attendanceTakenAt: end } },
        '2027-03-11T10:00:00.000Z',
      ),
    ).toBe('attendance-taken');
    expect(
      staleReason(n, { ...ok, session: { ...ok.session!, status: 'completed' } }, '2027-03-11T10:00:00.000Z'),
    ).toBe('attendance-taken');
    expect(staleReason({ ...n, recipientId: 't-2' }, ok, '2027-03-11T10:00:00.000Z')).toBe(
      'no-longer-facilitating',
    );
  });
});

describe('signed unsubscribe links', () => {
  const secret = 'x'.repeat(40);
  it('round-trips, and rejects tampering, another secret, another purpose', () => {
    const t = signLinkToken('camille-martin', 'unsubscribe', secret);
    expect(verifyLinkToken(t, 'unsubscribe', secret)).toBe('camille-martin');
    expect(verifyLinkToken(t, 'unsubscribe', 'y'.repeat(40))).toBeUndefined();
    const [payload, sig] = t.split('.');
    const forged = Buffer.from(JSON.stringify({ v: 1, u: 'someone-else', p: 'unsubscribe' })).toString(
      'base64url',
    );
    expect(verifyLinkToken(`${forged}.${sig}`, 'unsubscribe', secret)).toBeUndefined();
    expect(verifyLinkToken(`${payload}.${sig}x`, 'unsubscribe', secret)).toBeUndefined();
    expect(verifyLinkToken('garbage', 'unsubscribe', secret)).toBeUndefined();
    expect(verifyLinkToken('', 'unsubscribe', secret)).toBeUndefined();
  });
});
