import { describe, expect, it } from 'vitest';
import { catalog } from '../../../packages/domain/src/content/catalog.ts';
import { catchUpText } from '../../../packages/domain/src/notifications/catch-up-text.ts';
import {
  catchUpDraft,
  type EnrolmentFacts,
  hrSummaryDraft,
  planEnrolmentChange,
  planWindowChange,
} from '../../../packages/domain/src/notifications/plan.ts';
import { staleReason } from '../../../packages/domain/src/notifications/validity.ts';
import { enrolment } from './fixtures.ts';

const H = 3_600_000;
const D = 24 * H;
const settings = { learnerReminders: [2 * D, 2 * H], evaluationReminderBeforeClose: 3 * D };
const session = {
  start: '2027-03-10T08:30:00.000Z',
  end: '2027-03-10T10:00:00.000Z',
  status: 'completed' as const,
};
const window = { opensAt: session.end, closesAt: '2027-03-24T10:00:00.000Z' };
const markedAt = '2027-03-10T10:05:00.000Z';
const mark = (from: EnrolmentFacts['status'], to: EnrolmentFacts['status'], w = window, at = markedAt) =>
  planEnrolmentChange(
    {
      eventName: 'MODIFY',
      old: enrolment({ status: from }),
      new: enrolment({ status: to, updatedAt: at }),
    },
    session,
    settings,
    w,
  );

describe('evaluation notifications (planned from the attendance marks)', () => {
  it('attended: "evaluation open" at once and one reminder 3 days before the window closes', () => {
    const plan = mark('enrolled', 'attended');
    expect(plan.create.map((d) => [d.kind, d.dueAt, d.evaluationClosesAt])).toEqual([
      ['evaluation-open', markedAt, window.closesAt],
      ['evaluation-reminder', '2027-03-21T10:00:00.000Z', window.closesAt],
    ]);
    // Session reminders still pending are cancelled, the evaluation ones never.
    const only = plan.cancel[0]!.only!;
    expect(only({ kind: 'session-reminder', sessionStart: '', sessionEnd: '', recipientId: 'l-1' })).toBe(
      true,
    );
    expect(only({ kind: 'evaluation-open', sessionStart: '', sessionEnd: '', recipientId: 'l-1' })).toBe(
      false,
    );
  });

  it('marked before the end (attendance opens at the start): the invitation waits for the end of the session', () => {
    const plan = mark('enrolled', 'partially-attended', window, '2027-03-10T09:00:00.000Z');
    expect(plan.create[0]!.dueAt).toBe(session.end);
  });

  it('a correction attended ↔ partially attended plans nothing new (same ids on replay anyway)', () => {
    expect(mark('attended', 'partially-attended').create).toEqual([]);
    expect(mark('enrolled', 'attended').create.map((d) => d.id)).toEqual(
      mark('enrolled', 'attended').create.map((d) => d.id),
    );
  });

  it('a correction to no-show cancels every pending message of the enrolment, evaluations included', () => {
    const plan = mark('attended', 'no-show');
    expect(plan.create).toEqual([]);
    expect(plan.cancel).toHaveLength(1);
    expect(plan.cancel[0]!.only).toBeUndefined();
  });

  it('a short window gets the invitation alone; a mark after the window closed gets nothing', () => {
    const short = { opensAt: session.end, closesAt: '2027-03-12T10:00:00.000Z' };
    expect(mark('enrolled', 'attended', short).create.map((d) => d.kind)).toEqual(['evaluation-open']);
    expect(mark('enrolled', 'attended', window, '2027-03-25T00:00:00.000Z').create).toEqual([]);
  });

  it('the lab extends the window: the reminder is re-planned for the new closing time, the old one cancelled', () => {
    const extended = { ...window, closesAt: '2027-04-07T10:00:00.000Z' };
    const plan = planWindowChange(
      { old: window, new: extended },
      session,
      [enrolment({ status: 'attended' }), enrolment({ id: 'e-2', learnerId: 'l-2', status: 'no-show' })],
      '2027-03-15T09:00:00.000Z',
      settings,
    );
    expect(plan.create.map((d) => [d.kind, d.enrolmentId, d.dueAt])).toEqual([
      ['evaluation-reminder', 'e-1', '2027-04-04T10:00:00.000Z'],
    ]);
    const only = plan.cancel[0]!.only!;
    const n = { sessionStart: '', sessionEnd: '', recipientId: 'l-1' };
    expect(only({ ...n, kind: 'evaluation-reminder', evaluationClosesAt: window.closesAt })).toBe(true);
    expect(only({ ...n, kind: 'evaluation-reminder', evaluationClosesAt: extended.closesAt })).toBe(false);
    expect(only({ ...n, kind: 'evaluation-open', evaluationClosesAt: window.closesAt })).toBe(false);
    expect(planWindowChange({ old: window, new: window }, session, [], markedAt, settings).create).toEqual(
      [],
    );
  });

  it('at send time: only attendees who have not answered, while the window is open, for the current closing time', () => {
    const planned = {
      kind: 'evaluation-reminder' as const,
      enrolmentId: 'e-1',
      sessionStart: session.start,
      sessionEnd: session.end,
      recipientId: 'l-1',
      evaluationClosesAt: window.closesAt,
    };
    const state = (over: object = {}) => ({
      session: { status: 'completed' as const, start: session.start, end: session.end, facilitators: [] },
      enrolment: { id: 'e-1', status: 'attended' as const },
      evaluation: { closesAt: window.closesAt, responded: false },
      ...over,
    });
    const now = '2027-03-21T10:00:00.000Z';
    expect(staleReason(planned, state(), now)).toBeUndefined();
    expect(
      staleReason(planned, state({ evaluation: { closesAt: window.closesAt, responded: true } }), now),
    ).toBe('already-responded');
    expect(staleReason(planned, state({ enrolment: { id: 'e-1', status: 'no-show' } }), now)).toBe(
      'not-an-attendee',
    );
    expect(staleReason(planned, state(), window.closesAt)).toBe('evaluation-closed');
    expect(
      staleReason(
        planned,
        state({ evaluation: { closesAt: '2027-04-07T10:00:00.000Z', responded: false } }),
        now,
      ),
    ).toBe('evaluation-window-moved');
  });
});

describe('messages about a person', () => {
  it('catch-up: only for a member who joined after the cohort started, one id per learner and path', () => {
    const m = { learnerId: 'l-1', pathId: 'passinnov', joinedAt: '2027-02-01T09:00:00.000Z' };
    const d = catchUpDraft(m, '2027-01-04T00:00:00.000Z')!;
    expect(d.kind).toBe('newcomer-catch-up');
    expect(d.subject).toEqual({ type: 'person', personId: 'l-1' });
    expect(d.dueAt).toBe(m.joinedAt);
    expect(catchUpDraft(m, '2027-01-04T00:00:00.000Z')!.id).toBe(d.id);
    expect(catchUpDraft({ ...m, pathId: 'other' }, '2027-01-04T00:00:00.000Z')!.id).not.toBe(d.id);
    expect(catchUpDraft(m, '2027-03-01T00:00:00.000Z')).toBeUndefined();
    expect(catchUpDraft(m, undefined)).toBeUndefined();
  });

  it('HR summary: one id per month and recipient', () => {
    const a = hrSummaryDraft({
      recipientId: 'rh-1',
      month: '2027-02',
      createdAt: '2027-03-01T06:00:00.000Z',
    });
    expect(a.recipientRole).toBe('hr');
    expect(hrSummaryDraft({ recipientId: 'rh-1', month: '2027-02', createdAt: 'later' }).id).toBe(a.id);
    expect(hrSummaryDraft({ recipientId: 'rh-1', month: '2027-03', createdAt: 'x' }).id).not.toBe(a.id);
  });

  it('the catch-up list: a line per missed module with its next sessions, then the coach module', () => {
    const c = catalog();
    const [m1, m2] = c.modules;
    const site = c.sites[0]!;
    const text = catchUpText(
      {
        missed: [
          {
            moduleId: m1!.id,
            cohortSessionsHeld: 2,
            nextSessions: [{ start: window.closesAt, siteId: site.id }],
          },
        ],
        coach: { moduleId: m2!.id, nextSessions: [] },
      },
      c,
      'fr',
    );
    const lines = text.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(m1!.title.fr);
    expect(lines[0]).toContain('2 séances déjà tenues');
    expect(lines[0]).toContain(site.name);
    expect(lines[1]).toContain(m2!.title.fr);
    expect(lines[1]).toContain('pas encore de séance programmée');
    expect(catchUpText({ missed: [] }, c, 'en')).toMatch(/missed nothing/);
  });
});
