import { describe, expect, it } from 'vitest';
import type { EnrolmentStatus } from '../../../packages/domain/src/api/sessions-api.ts';
import { checkAttendanceOpen, planAttendance } from '../../../packages/domain/src/lms/attendance-plan.ts';

const e = (learnerId: string, status: EnrolmentStatus) => ({ learnerId, status });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code;
  }
}

describe('planAttendance', () => {
  it('present grants the completion; partial and absent do not; the session completes with the write', () => {
    const plan = planAttendance(
      [e('a', 'enrolled'), e('b', 'enrolled'), e('c', 'enrolled')],
      [
        { learnerId: 'a', status: 'present' },
        { learnerId: 'b', status: 'partial' },
        { learnerId: 'c', status: 'absent' },
      ],
    );
    expect(plan).toEqual({
      kind: 'write',
      changes: [
        { enrolment: e('a', 'enrolled'), from: 'enrolled', to: 'attended', completion: 'grant' },
        { enrolment: e('b', 'enrolled'), from: 'enrolled', to: 'partially-attended', completion: 'none' },
        { enrolment: e('c', 'enrolled'), from: 'enrolled', to: 'no-show', completion: 'none' },
      ],
      completeSession: true,
      results: [
        { learnerId: 'a', status: 'attended', completed: true },
        { learnerId: 'b', status: 'partially-attended', completed: false },
        { learnerId: 'c', status: 'no-show', completed: false },
      ],
    });
  });

  it('a correction away from attended withdraws the completion; a repeated mark changes nothing', () => {
    const plan = planAttendance(
      [e('a', 'attended'), e('b', 'no-show')],
      [
        { learnerId: 'a', status: 'absent' },
        { learnerId: 'b', status: 'absent' },
      ],
    );
    expect(plan).toMatchObject({
      kind: 'write',
      changes: [{ from: 'attended', to: 'no-show', completion: 'withdraw' }],
      results: [
        { learnerId: 'a', status: 'no-show', completed: false },
        { learnerId: 'b', status: 'no-show', completed: false },
      ],
    });
    const same = planAttendance([e('a', 'attended')], [{ learnerId: 'a', status: 'present' }]);
    expect(same).toMatchObject({ kind: 'write', changes: [], completeSession: false });
  });

  it('all or nothing: an unknown, waitlisted or cancelled learner rejects the whole sheet', () => {
    const plan = planAttendance(
      [e('a', 'enrolled'), e('w', 'waitlisted'), e('c', 'cancelled')],
      [
        { learnerId: 'a', status: 'present' },
        { learnerId: 'w', status: 'present' },
        { learnerId: 'c', status: 'absent' },
        { learnerId: 'nobody', status: 'present' },
      ],
    );
    expect(plan).toEqual({
      kind: 'rejected',
      problems: [
        { learnerId: 'w', reason: 'status-waitlisted' },
        { learnerId: 'c', reason: 'status-cancelled' },
        { learnerId: 'nobody', reason: 'not-enrolled' },
      ],
    });
  });
});

describe('checkAttendanceOpen', () => {
  const s = {
    status: 'scheduled' as const,
    start: '2027-03-10T09:00:00.000Z',
    end: '2027-03-10T10:30:00.000Z',
    windowDays: 7,
  };

  it('opens at the start, closes windowDays after the end, never for a cancelled session', () => {
    expect(codeOf(() => checkAttendanceOpen({ ...s, now: '2027-03-10T08:59:59.000Z' }))).toBe(
      'attendance-not-open',
    );
    expect(codeOf(() => checkAttendanceOpen({ ...s, now: '2027-03-10T09:00:00.000Z' }))).toBeUndefined();
    expect(codeOf(() => checkAttendanceOpen({ ...s, now: '2027-03-17T10:30:00.000Z' }))).toBeUndefined();
    expect(codeOf(() => checkAttendanceOpen({ ...s, now: '2027-03-17T10:30:00.001Z' }))).toBe(
      'attendance-window-closed',
    );
    expect(
      codeOf(() => checkAttendanceOpen({ ...s, status: 'cancelled', now: '2027-03-10T09:30:00.000Z' })),
    ).toBe('session-cancelled');
  });
});
