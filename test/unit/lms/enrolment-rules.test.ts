import { describe, expect, it } from 'vitest';
import { catalog } from '../../../packages/domain/src/content/catalog.ts';
import {
  checkEnrolmentAllowed,
  checkLearnerMayCancel,
} from '../../../packages/domain/src/lms/enrolment-rules.ts';

const module = (id: string) => catalog().modules.find((m) => m.id === id)!;
const session = (over: Partial<{ id: string; moduleId: string; start: string; end: string }> = {}) => ({
  id: 's-target',
  moduleId: 'design-thinking',
  start: '2027-03-10T09:00:00.000Z',
  end: '2027-03-10T10:30:00.000Z',
  status: 'scheduled' as const,
  ...over,
});
const now = '2027-03-01T00:00:00.000Z';

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

describe('enrolment rules', () => {
  it('refuses an elective before the entry module (nothing completed, nothing booked)', () => {
    const s = session();
    expect(
      codeOf(() =>
        checkEnrolmentAllowed({
          session: s,
          module: module(s.moduleId),
          bookings: [],
          completedModuleIds: new Set(),
          now,
        }),
      ),
    ).toBe('prerequisite-missing');
  });

  it('accepts an elective once the entry module is completed', () => {
    const s = session();
    expect(() =>
      checkEnrolmentAllowed({
        session: s,
        module: module(s.moduleId),
        bookings: [],
        completedModuleIds: new Set(['intelligence-collective']),
        now,
      }),
    ).not.toThrow();
  });

  it('accepts an elective when a seat is held in an entry session ending before it starts', () => {
    const s = session();
    const booking = {
      sessionId: 'e1',
      moduleId: 'intelligence-collective',
      status: 'enrolled' as const,
      enrolmentId: 'x',
      start: '2027-03-05T09:00:00.000Z',
      end: '2027-03-05T10:30:00.000Z',
    };
    expect(() =>
      checkEnrolmentAllowed({
        session: s,
        module: module(s.moduleId),
        bookings: [booking],
        completedModuleIds: new Set(),
        now,
      }),
    ).not.toThrow();
  });

  it('refuses when the entry session ends after the elective starts, or is only a waitlist place', () => {
    const s = session();
    const later = {
      sessionId: 'e1',
      moduleId: 'intelligence-collective',
      status: 'enrolled' as const,
      enrolmentId: 'x',
      start: '2027-03-12T09:00:00.000Z',
      end: '2027-03-12T10:30:00.000Z',
    };
    expect(
      codeOf(() =>
        checkEnrolmentAllowed({
          session: s,
          module: module(s.moduleId),
          bookings: [later],
          completedModuleIds: new Set(),
          now,
        }),
      ),
    ).toBe('prerequisite-missing');
    const queued = {
      ...later,
      start: '2027-03-05T09:00:00.000Z',
      end: '2027-03-05T10:30:00.000Z',
      status: 'waitlisted' as const,
    };
    expect(
      codeOf(() =>
        checkEnrolmentAllowed({
          session: s,
          module: module(s.moduleId),
          bookings: [queued],
          completedModuleIds: new Set(),
          now,
        }),
      ),
    ).toBe('prerequisite-missing');
  });

  it('refuses overlapping sessions but accepts back-to-back ones', () => {
    const s = session({ moduleId: 'intelligence-collective' });
    const clash = {
      sessionId: 'o1',
      moduleId: 'creativite',
      status: 'enrolled' as const,
      enrolmentId: 'y',
      start: '2027-03-10T10:00:00.000Z',
      end: '2027-03-10T11:30:00.000Z',
    };
    expect(
      codeOf(() =>
        checkEnrolmentAllowed({
          session: s,
          module: module(s.moduleId),
          bookings: [clash],
          completedModuleIds: new Set(),
          now,
        }),
      ),
    ).toBe('overlapping-enrolment');
    const adjacent = { ...clash, start: '2027-03-10T10:30:00.000Z', end: '2027-03-10T12:00:00.000Z' };
    expect(() =>
      checkEnrolmentAllowed({
        session: s,
        module: module(s.moduleId),
        bookings: [adjacent],
        completedModuleIds: new Set(),
        now,
      }),
    ).not.toThrow();
  });

  it('refuses a second active enrolment in the same module, and a module already completed', () => {
    const s = session({ moduleId: 'intelligence-collective' });
    const other = {
      sessionId: 'o2',
      moduleId: 'intelligence-collective',
      status: 'waitlisted' as const,
      enrolmentId: 'z',
      start: '2027-04-10T10:00:00.000Z',
      end: '2027-04-10T11:30:00.000Z',
    };
    expect(
      codeOf(() =>
        checkEnrolmentAllowed({
          session: s,
          module: module(s.moduleId),
          bookings: [other],
          completedModuleIds: new Set(),
          now,
        }),
      ),
    ).toBe('already-enrolled-in-module');
    expect(
      codeOf(() =>
        checkEnrolmentAllowed({
          session: s,
          module: module(s.moduleId),
          bookings: [],
          completedModuleIds: new Set(['intelligence-collective']),
          now,
        }),
      ),
    ).toBe('module-already-completed');
  });

  it('refuses started and cancelled sessions', () => {
    const s = session({
      moduleId: 'intelligence-collective',
      start: '2027-02-01T09:00:00.000Z',
      end: '2027-02-01T10:30:00.000Z',
    });
    expect(
      codeOf(() =>
        checkEnrolmentAllowed({
          session: s,
          module: module(s.moduleId),
          bookings: [],
          completedModuleIds: new Set(),
          now,
        }),
      ),
    ).toBe('session-already-started');
    const c = { ...session({ moduleId: 'intelligence-collective' }), status: 'cancelled' as const };
    expect(
      codeOf(() =>
        checkEnrolmentAllowed({
          session: c,
          module: module(c.moduleId),
          bookings: [],
          completedModuleIds: new Set(),
          now,
        }),
      ),
    ).toBe('session-not-open');
  });

  it('cut-off: a learner cannot cancel within 48 h of the start; the lab can', () => {
    const start = '2027-03-10T09:00:00.000Z';
    expect(() =>
      checkLearnerMayCancel({
        sessionStart: start,
        cutoffHours: 48,
        now: '2027-03-08T08:59:00.000Z',
        isLab: false,
      }),
    ).not.toThrow();
    expect(
      codeOf(() =>
        checkLearnerMayCancel({
          sessionStart: start,
          cutoffHours: 48,
          now: '2027-03-08T09:01:00.000Z',
          isLab: false,
        }),
      ),
    ).toBe('cancellation-cutoff-passed');
    expect(() =>
      checkLearnerMayCancel({
        sessionStart: start,
        cutoffHours: 48,
        now: '2027-03-10T08:00:00.000Z',
        isLab: true,
      }),
    ).not.toThrow();
  });
});
