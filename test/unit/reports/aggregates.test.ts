import { describe, expect, it } from 'vitest';
import { buildMatrix, pathStats } from '../../../packages/domain/src/reports/aggregates.ts';
import {
  diffContributions,
  enrolmentContribution,
  evaluationContribution,
  parseRef,
  recommends,
  shardOfLearner,
} from '../../../packages/domain/src/reports/contributions.ts';

describe('contributions', () => {
  it('differences are new − old, without zeros', () => {
    expect(diffContributions({ a: 1, b: 2 }, { b: 2, c: 1 })).toEqual({ a: -1, c: 1 });
    expect(diffContributions(undefined, { a: 1 })).toEqual({ a: 1 });
    expect(diffContributions({ a: 1 }, undefined)).toEqual({ a: -1 });
    expect(diffContributions({ a: 1 }, { a: 1 })).toEqual({});
  });

  it('an enrolment counts once under its status, in its path, Paris month and service', () => {
    const resolve = (s: string | undefined) => s ?? 'unassigned';
    expect(
      enrolmentContribution(
        {
          status: 'no-show',
          pathId: 'passinnov',
          sessionStart: '2026-09-30T22:30:00.000Z',
          learnerService: 'ars',
        },
        resolve,
      ),
    ).toEqual({ 'p/passinnov/2026-10/ars/noShow': 1 });
    expect(
      enrolmentContribution({ status: 'enrolled', sessionStart: '2026-01-05T08:00:00.000Z' }, resolve),
    ).toEqual({
      'p/-/2026-01/unassigned/enrolled': 1,
    });
  });

  it('an evaluation counts in every path it belongs to, in its session month', () => {
    const c = evaluationContribution({
      overall: 4,
      recommend: true,
      pathIds: ['passinnov', 'formation-action-referents'],
      sessionStart: '2026-10-02T08:00:00.000Z',
      submittedAt: '2026-11-02T08:00:00.000Z',
      leadKind: 'internal',
    });
    expect(c['e/passinnov/2026-10/n']).toBe(1);
    expect(c['e/formation-action-referents/2026-10/sum']).toBe(4);
    expect(c['e/passinnov/2026-10/o4']).toBe(1);
    expect(c['e/passinnov/2026-10/rec']).toBe(1);
    expect(c['e/passinnov/2026-10/n:internal']).toBe(1);
    expect(evaluationContribution({ overall: 9, submittedAt: '2026-11-02T08:00:00.000Z' })).toEqual({});
    expect(recommends('non')).toBe(false);
    expect(recommends(10)).toBe(true);
    expect(recommends(null)).toBeUndefined();
  });

  it('counter references parse back, and learners spread over the matrix shards', () => {
    expect(parseRef('m/drfip/3/lvl:facilitation:master')).toEqual({
      kind: 'matrix',
      service: 'drfip',
      shard: 3,
      attr: 'lvl:facilitation:master',
    });
    expect(parseRef('p/passinnov/2026-10/ars/noShow')).toMatchObject({
      kind: 'path',
      month: '2026-10',
      attr: 'noShow',
    });
    expect(() => parseRef('x/y')).toThrow();
    const shards = new Set(Array.from({ length: 200 }, (_, i) => shardOfLearner(`learner-${i}`)));
    expect(shards.size).toBe(8);
  });
});

describe('service matrix', () => {
  const counters = {
    agents: 10,
    entry: 7,
    'lvl:collective-intelligence:discover': 5,
    'lvl:collective-intelligence:practise': 2,
    'lvl:facilitation:master': 1,
  };

  it('counts exact and cumulative levels, coverage against the target, and the entry module', () => {
    const m = buildMatrix({
      serviceId: 'drfip',
      counters,
      competencyIds: ['collective-intelligence', 'facilitation'],
      targets: [
        { competencyId: 'collective-intelligence', level: 'discover', share: 0.8 },
        { competencyId: 'facilitation', level: 'discover', share: 0.1 },
      ],
      entryModuleId: 'intelligence-collective',
    });
    const ci = m.competencies[0]!;
    expect(ci.levels).toEqual({ discover: 5, practise: 2, master: 0, 'can-teach': 0 });
    expect(ci.atLeast).toEqual({ discover: 7, practise: 2, master: 0, 'can-teach': 0 });
    expect(ci.target).toEqual({ level: 'discover', share: 0.8, agentsRequired: 8 });
    expect(ci.coverage).toEqual({ agents: 7, rate: 0.7, met: false, missingAgents: 1 });
    expect(m.competencies[1]!.coverage).toMatchObject({ agents: 1, met: true, missingAgents: 0 });
    expect(m.entryModule).toEqual({
      moduleId: 'intelligence-collective',
      completed: 7,
      missing: 3,
      rate: 0.7,
    });
  });

  it('has no rate for an empty service (no data is not 0 %)', () => {
    const m = buildMatrix({
      serviceId: 'ars',
      counters: {},
      competencyIds: ['creativity'],
      targets: [{ competencyId: 'creativity', level: 'practise', share: 0.15 }],
      entryModuleId: 'intelligence-collective',
    });
    expect(m.entryModule.rate).toBeNull();
    expect(m.competencies[0]!.coverage).toEqual({ agents: 0, rate: null, met: true, missingAgents: 0 });
  });
});

describe('path statistics', () => {
  it('computes enrolments, attendance and no-show rates over attendance taken, and satisfaction', () => {
    const s = pathStats(
      { enrolled: 3, attended: 8, partial: 1, noShow: 3, cancelled: 2, waitlisted: 1, pathDone: 2 },
      {
        n: 4,
        sum: 18,
        o4: 2,
        o5: 2,
        rec: 3,
        recn: 4,
        'n:internal': 3,
        'sum:internal': 13,
        'n:external': 1,
        'sum:external': 5,
      },
    );
    expect(s.enrolments).toBe(15);
    expect(s.completions).toBe(8);
    expect(s.attendanceRate).toBeCloseTo(9 / 12);
    expect(s.noShowRate).toBeCloseTo(3 / 12);
    expect(s.pathCompletions).toBe(2);
    expect(s.satisfaction).toMatchObject({
      responses: 4,
      average: 4.5,
      distribution: [0, 0, 0, 2, 2],
      recommendRate: 0.75,
    });
    expect(s.satisfaction.byLeadKind['internal']!.average).toBeCloseTo(13 / 3);
  });

  it('has no rates before any attendance is taken', () => {
    const s = pathStats({ enrolled: 4 }, {});
    expect(s).toMatchObject({ enrolments: 4, attendanceRate: null, noShowRate: null });
    expect(s.satisfaction.average).toBeNull();
  });
});
