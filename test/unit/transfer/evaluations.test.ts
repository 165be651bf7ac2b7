import { describe, expect, it } from 'vitest';
import { AppError } from '../../../packages/domain/src/errors.ts';
import { presentSatisfaction } from '../../../packages/domain/src/evaluations/anonymity.ts';
import { checkResponse, ratedFacilitators } from '../../../packages/domain/src/evaluations/response.ts';
import { checkEvaluationOpen, evaluationWindow } from '../../../packages/domain/src/evaluations/window.ts';
import {
  evaluationStatement,
  facilitationStatement,
} from '../../../packages/xapi/src/transfer-statements.ts';
import { validateStatement } from '../../../packages/xapi/src/validate.ts';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return `${e.kind}:${e.code}`;
    throw e;
  }
  return undefined;
};

describe('evaluation window', () => {
  const w = evaluationWindow({ id: 's-1', end: '2027-01-10T10:30:00.000Z' }, 14);
  it('opens at the session end (nominally) and closes N days later', () => {
    expect(w).toEqual({
      sessionId: 's-1',
      opensAt: '2027-01-10T10:30:00.000Z',
      closesAt: '2027-01-24T10:30:00.000Z',
      windowDays: 14,
    });
  });
  it('is open to attendees marked attended or partially attended, until it closes', () => {
    expect(
      codeOf(() =>
        checkEvaluationOpen({ enrolmentStatus: 'attended', window: w, now: '2027-01-10T10:00:00.000Z' }),
      ),
    ).toBeUndefined();
    expect(
      codeOf(() =>
        checkEvaluationOpen({
          enrolmentStatus: 'partially-attended',
          window: w,
          now: '2027-01-20T00:00:00.000Z',
        }),
      ),
    ).toBeUndefined();
    expect(
      codeOf(() =>
        checkEvaluationOpen({ enrolmentStatus: 'no-show', window: w, now: '2027-01-20T00:00:00.000Z' }),
      ),
    ).toBe('forbidden:not-an-attendee');
    expect(
      codeOf(() =>
        checkEvaluationOpen({ enrolmentStatus: 'enrolled', window: w, now: '2027-01-20T00:00:00.000Z' }),
      ),
    ).toBe('forbidden:not-an-attendee');
    expect(
      codeOf(() =>
        checkEvaluationOpen({ enrolmentStatus: undefined, window: w, now: '2027-01-20T00:00:00.000Z' }),
      ),
    ).toBe('forbidden:not-an-attendee');
    expect(
      codeOf(() =>
        checkEvaluationOpen({ enrolmentStatus: 'attended', window: w, now: '2027-01-24T10:30:00.000Z' }),
      ),
    ).toBe('conflict:evaluation-closed');
  });
});

describe('responses', () => {
  const facilitators = [
    { trainerId: 'lead', role: 'lead' as const },
    { trainerId: 'co', role: 'co-facilitator' as const },
    { trainerId: 'obs', role: 'observer' as const },
  ];
  const rated = ratedFacilitators(facilitators, { ratedRoles: ['lead', 'co-facilitator'] });
  const ok = {
    overall: 4,
    objectives: [4, 5, 3],
    facilitators: [{ trainerId: 'lead', rating: 5 }],
    recommend: true,
  };
  it('rates the leads and co-facilitators only, once each; one answer per objective', () => {
    expect(rated.map((f) => f.trainerId)).toEqual(['lead', 'co']);
    expect(
      codeOf(() => checkResponse(ok, { objectivesCount: 3, rated }, { commentMaxLength: 10 })),
    ).toBeUndefined();
    expect(
      codeOf(() =>
        checkResponse({ ...ok, objectives: [4] }, { objectivesCount: 3, rated }, { commentMaxLength: 10 }),
      ),
    ).toBe('invalid:invalid-evaluation');
    expect(
      codeOf(() =>
        checkResponse(
          { ...ok, facilitators: [{ trainerId: 'obs', rating: 5 }] },
          { objectivesCount: 3, rated },
          { commentMaxLength: 10 },
        ),
      ),
    ).toBe('invalid:invalid-evaluation');
    expect(
      codeOf(() =>
        checkResponse(
          {
            ...ok,
            facilitators: [
              { trainerId: 'lead', rating: 5 },
              { trainerId: 'lead', rating: 4 },
            ],
          },
          { objectivesCount: 3, rated },
          { commentMaxLength: 10 },
        ),
      ),
    ).toBe('invalid:invalid-evaluation');
    expect(
      codeOf(() =>
        checkResponse(
          { ...ok, comment: 'x'.repeat(11) },
          { objectivesCount: 3, rated },
          { commentMaxLength: 10 },
        ),
      ),
    ).toBe('invalid:invalid-evaluation');
  });
});

describe('anonymity threshold', () => {
  it('hides aggregates of fewer than 3 responses, without their count; shows means, distribution, recommend rate', () => {
    expect(presentSatisfaction('m', { n: 2, overallSum: 9 }, 3)).toEqual({
      key: 'm',
      hidden: true,
      reason: 'too-few-responses',
      minResponses: 3,
    });
    expect(presentSatisfaction('m', undefined, 3)).toMatchObject({ hidden: true });
    const v = presentSatisfaction(
      'm',
      { n: 3, overallSum: 13, h4: 2, h5: 1, recommend: 2, obj0Sum: 12, obj0N: 3, facSum: 9, facN: 2 },
      3,
    );
    expect(v).toEqual({
      key: 'm',
      hidden: false,
      responses: 3,
      overall: { mean: 4.33, distribution: [0, 0, 0, 2, 1] },
      recommendRate: 0.67,
      objectives: [{ mean: 4 }],
    });
  });
});

describe('xAPI statements of the transfer', () => {
  const session = {
    id: 's-1',
    moduleId: 'creativite',
    moduleTitle: { fr: 'Créativité', en: 'Creativity' },
    pathId: 'passinnov',
    siteId: 'toulouse',
    start: '2027-01-10T09:00:00.000Z',
  };
  it('facilitated / co-facilitated / observed, with the session as object and a stable id', () => {
    const verbs = (['lead', 'co-facilitator', 'observer', 'shadow'] as const).map((role) => {
      const s = facilitationStatement({
        trainerId: 'julien',
        role,
        session,
        leadKind: 'mixed',
        timestamp: '2027-01-10T10:30:00.000Z',
      });
      // Valid and already normalised: the functions store builder output without re-validating it.
      expect(validateStatement(JSON.parse(JSON.stringify(s)))).toEqual({ ok: true, statement: s });
      expect(s.object).toMatchObject({ id: expect.stringContaining('/session/s-1') });
      return s.verb.id.split('/').pop();
    });
    expect(verbs).toEqual(['facilitated', 'co-facilitated', 'observed', 'observed']);
    const again = facilitationStatement({
      trainerId: 'julien',
      role: 'lead',
      session,
      timestamp: '2027-01-11T00:00:00.000Z',
    });
    expect(again.id).toBe(
      facilitationStatement({ trainerId: 'julien', role: 'lead', session, timestamp: 'x' }).id,
    );
  });
  it('a response is rated by an anonymous respondent: scaled score, no registration, no comment', () => {
    const s = evaluationStatement({
      responseId: 'a1b2',
      revision: 2,
      session,
      overall: 4,
      recommend: true,
      leadKind: 'internal',
      timestamp: '2027-01-11T00:00:00.000Z',
    });
    // Valid and already normalised: the functions store builder output without re-validating it.
    expect(validateStatement(JSON.parse(JSON.stringify(s)))).toEqual({ ok: true, statement: s });
    expect(s.actor).toEqual({
      objectType: 'Agent',
      account: { homePage: 'https://parcours.example.gouv.fr/anonymous-respondents', name: 'a1b2' },
    });
    expect(s.result?.score).toEqual({ raw: 4, min: 1, max: 5, scaled: 0.75 });
    expect(s.context?.registration).toBeUndefined();
    expect(s.result?.response).toBeUndefined();
  });
});
