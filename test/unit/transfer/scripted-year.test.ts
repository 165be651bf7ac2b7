import { describe, expect, it } from 'vitest';
import {
  aggregateDifferences,
  type Contributions,
  deliveryContributions,
  diffContributions,
  sumContributions,
} from '../../../packages/domain/src/transfer/aggregates.ts';
import { moduleAlerts } from '../../../packages/domain/src/transfer/alerts.ts';
import { forecastModule } from '../../../packages/domain/src/transfer/forecast.ts';
import { type Certification, kpiSeries, periodsBetween } from '../../../packages/domain/src/transfer/kpi.ts';
import {
  A,
  B,
  factOf,
  scriptedSessions,
  scriptedSignOffs,
  settings,
  trajectory,
  type World,
  worldAt,
} from './scripted-year.ts';

const certifications = (w: World, moduleId: string): Certification[] =>
  [...w.ladders.values()]
    .filter((l) => l.moduleId === moduleId && l.certifiedAt)
    .map((l) => ({ trainerId: l.trainerId, moduleId, certifiedAt: l.certifiedAt! }));
const isInternalAt = (t: string) => t.startsWith('in');

function kpi(w: World, moduleId: string, granularity: 'month' | 'quarter', until: string) {
  return kpiSeries({
    members: w.members(`mix#module#${moduleId}`),
    granularity,
    periods: periodsBetween(settings.programmeStart, until, granularity),
    certifications: certifications(w, moduleId),
    isInternalAt,
    trajectories: [trajectory(moduleId)],
  });
}

const forecast = (w: World, moduleId: string, now: string) =>
  forecastModule({
    moduleId,
    members: w.members(`mix#module#${moduleId}`),
    snapshots: w.snapshots(moduleId),
    certifiedIndex: 3,
    trajectory: trajectory(moduleId),
    settings,
    now,
  });

describe('a scripted year of two modules: external only → mixed → internal', () => {
  const year = worldAt('2026-12-31');
  const NOW = '2026-12-20T12:00:00.000Z';

  it('classes every session and weights it by the internal share of facilitation minutes', () => {
    const byId = new Map(year.facts.map((f) => [f.sessionId, f]));
    expect(byId.get('a-02-0')).toMatchObject({
      deliveryClass: 'external',
      internalShare: 0,
      leadKind: 'external',
      credited: true,
      minutes: 90,
    });
    // External lead (weight 1) + internal co-facilitator (0.5): one third internal.
    expect(byId.get('a-04-0')).toMatchObject({
      deliveryClass: 'mixed',
      internalShare: 0.333333,
      internalMinutes: 30,
    });
    // Internal lead + external co-facilitator: two thirds; the observer of January counted nothing.
    expect(byId.get('a-07-1')).toMatchObject({
      deliveryClass: 'mixed',
      internalShare: 0.666667,
      internalMinutes: 60,
    });
    expect(byId.get('a-01-0')!.internalShare).toBe(0);
    expect(byId.get('a-10-0')).toMatchObject({
      deliveryClass: 'internal',
      internalShare: 1,
      leadKind: 'internal',
      hasCertifiedLead: true,
    });
    // In July in1 leads, not yet certified, under the certified external lead's eye.
    expect(byId.get('a-07-0')).toMatchObject({ hasCertifiedLead: false });
    expect(byId.get('b-12-1')).toMatchObject({
      deliveryClass: 'mixed',
      internalShare: 0.333333,
      hasCertifiedLead: true,
    });
  });

  it('gives the expected shares and counts by class, per quarter and per month, with certified internal leads', () => {
    const qa = kpi(year, A, 'quarter', '2026-12-31');
    expect(qa.map((p) => p.period)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(qa.map((p) => p.sessions)).toEqual([
      { total: 6, external: 6, mixed: 0, internal: 0 },
      { total: 6, external: 0, mixed: 6, internal: 0 },
      { total: 6, external: 0, mixed: 4, internal: 2 },
      { total: 6, external: 0, mixed: 0, internal: 6 },
    ]);
    // Q3: four sessions at 2/3 and two at 1, all 90 minutes → (4·60 + 2·90) / 540.
    expect(qa.map((p) => p.internalShare)).toEqual([0, 0.3333, 0.7778, 1]);
    expect(qa.map((p) => p.certifiedInternalLeads)).toEqual([0, 0, 1, 1]);
    // Planned: 0 until March, 0.5 at the end of July, 1 at the end of March 2027 (end of each quarter).
    expect(qa[0]!.plannedShare).toBe(0);
    expect(qa[2]!.plannedShare).toBeCloseTo(0.5 + (0.5 * 61) / 243, 3);
    expect(qa[3]!.gap).toBeGreaterThan(0);

    const ma = kpi(year, A, 'month', '2026-12-31');
    expect(ma.map((p) => p.internalShare)).toEqual([
      0, 0, 0, 0.3333, 0.3333, 0.3333, 0.6667, 0.6667, 1, 1, 1, 1,
    ]);
    // in1 was certified on 31 August: counted from the August period on.
    expect(ma.map((p) => p.certifiedInternalLeads)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);

    const qb = kpi(year, B, 'quarter', '2026-12-31');
    expect(qb.map((p) => p.internalShare)).toEqual([0, 0.3333, 0.3333, 0.3333]);
    expect(qb.map((p) => p.sessions.mixed)).toEqual([0, 6, 6, 6]);
    expect(qb.every((p) => p.certifiedInternalLeads === 0)).toBe(true);

    // The path holds both modules: its totals are the sums.
    const path = year.members('mix#path#passinnov')['total']!;
    expect(path['sessions']).toBe(48);
    expect(year.members('mix#all')['total']!['sessions']).toBe(48);
  });

  it('computes ladder states from facilitations, ratings and sign-offs', () => {
    const in1 = year.ladders.get(`in1|${A}`)!;
    expect(in1.currentStep).toBe('certified-lead');
    expect(in1.certifiedAt).toBe('2026-08-31T12:00:00.000Z');
    expect(in1.counts).toMatchObject({
      observed: 1,
      coFacilitated: 3,
      led: 12,
      ledWithCertified: 4,
      mentored: 8,
    });
    expect(in1.steps.map((s) => s.status)).toEqual([
      'achieved',
      'achieved',
      'achieved',
      'achieved',
      'awaiting-sign-off',
    ]);
    // Observer reached at the end of the January session; co-facilitator at the second co-facilitation.
    expect(in1.steps[0]!.achievedAt).toBe('2026-01-06T10:30:00.000Z');
    expect(in1.steps[1]!.achievedAt).toBe('2026-04-16T10:30:00.000Z');
    expect(in1.steps[2]!.signOff).toMatchObject({ by: 'ext1', byRole: 'certified' });
    expect(in1.next).toMatchObject({
      stepId: 'trainer-of-trainers',
      needsSignOff: true,
      awaitingSignOff: true,
    });

    const in2 = year.ladders.get(`in2|${A}`)!;
    expect(in2.currentStep).toBe('co-facilitator');
    expect(in2.steps.map((s) => s.status)).toEqual([
      'achieved',
      'achieved',
      'in-progress',
      'locked',
      'locked',
    ]);
    expect(in2.next?.missing.map((c) => c.criterion)).toEqual(['ledWithCertified']);

    const in3 = year.ladders.get(`in3|${B}`)!;
    expect(in3.currentStep).toBe('co-facilitator');
    expect(in3.lastProgressAt).toBe('2026-04-16T10:30:00.000Z');

    // External providers are certified by recognition from the start.
    expect(year.ladders.get(`ext1|${A}`)).toMatchObject({
      certified: true,
      certifiedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('forecasts: A reached 100% internal in September; B has no upward trend (stalled)', () => {
    const fa = forecast(year, A, NOW);
    expect(fa).toMatchObject({ status: 'reached', forecastDate: '2026-09-01', currentShare: 1 });
    const fb = forecast(year, B, NOW);
    expect(fb).toMatchObject({ status: 'stalled', forecastDate: null, currentShare: 0.3333 });
    expect(fb.trend.slopePerMonth).toBe(0);
    expect(fb.pipeline).toMatchObject({ certifiedInternalLeads: 0, leadsNeeded: 1, candidates: 1 });
  });

  it('forecasts mid-year from the trend and the ladder pipeline, the later of the two', () => {
    const mid = worldAt('2026-07-20');
    const fa = forecast(mid, A, '2026-07-20T12:00:00.000Z');
    // Monthly shares Feb–Jul 0, 0, ⅓, ⅓, ⅓, ⅔: slope 0.1238/month, fitted 0.5873 in July → 1 in 4 months.
    expect(fa.trend).toEqual({
      months: 6,
      slopePerMonth: 0.1238,
      fittedShareNow: 0.5873,
      date: '2026-11-01',
    });
    // One lead is enough for 2 sessions a month; in1 is one step from certification at 2 months per step.
    expect(fa.pipeline).toMatchObject({
      leadsNeeded: 1,
      certifiedInternalLeads: 0,
      candidates: 2,
      monthsPerStep: 2,
      date: '2026-09-01',
    });
    expect(fa).toMatchObject({ status: 'on-track', forecastDate: '2026-11-01', plannedDate: '2027-03-31' });
  });

  it('raises a stall alert and a behind-plan alert for B, nothing for A', () => {
    const alerts = (w: World, m: string, now: string) =>
      moduleAlerts({
        moduleId: m,
        members: w.members(`mix#module#${m}`),
        satisfaction: w.members(`sat#module-lead-kind#${m}`),
        snapshots: w.snapshots(m),
        trajectory: trajectory(m),
        forecast: forecast(w, m, now),
        settings,
        now,
      });
    expect(alerts(year, A, NOW)).toEqual([]);
    const b = alerts(year, B, NOW);
    expect(b.map((a) => a.kind)).toEqual(['stall', 'behind-plan']);
    expect(b[0]).toMatchObject({ since: '2026-05-01T00:00:00.000Z', details: { weeksWithoutProgress: 33 } });
    expect(b[1]!.details).toMatchObject({ actualShare: 0.3333 });
    // Mid-May, B's stall is not yet 8 weeks old.
    const may = worldAt('2026-05-20');
    expect(alerts(may, B, '2026-05-20T12:00:00.000Z').map((a) => a.kind)).not.toContain('stall');
  });

  it('raises a satisfaction alert when internal-led sessions fall below the external-led baseline by more than the margin', () => {
    const base = {
      moduleId: A,
      members: year.members(`mix#module#${A}`),
      snapshots: year.snapshots(A),
      trajectory: trajectory(A),
      forecast: { status: 'reached' as const },
      settings,
      now: NOW,
    };
    // External-led 4.6 over 30 responses; internal-led 4.2 over the last two quarters.
    const low = {
      external: { n: 30, overallSum: 138 },
      'internal#2026-Q4': { n: 20, overallSum: 84 },
      'internal#2026-Q3': { n: 5, overallSum: 21 },
    };
    const a = moduleAlerts({ ...base, satisfaction: low });
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({
      kind: 'satisfaction-drop',
      details: {
        internalLed: { responses: 25, mean: 4.2 },
        reference: { source: 'external-led', mean: 4.6 },
      },
    });
    // Within the margin: no alert. Too few internal-led responses: no alert. Too few external-led: baseline 4.5.
    expect(
      moduleAlerts({
        ...base,
        satisfaction: {
          ...low,
          'internal#2026-Q4': { n: 20, overallSum: 88 },
          'internal#2026-Q3': { n: 0, overallSum: 0 },
        },
      }),
    ).toEqual([]);
    expect(
      moduleAlerts({
        ...base,
        satisfaction: { external: low.external, 'internal#2026-Q4': { n: 4, overallSum: 12 } },
      }),
    ).toEqual([]);
    const baseline = moduleAlerts({
      ...base,
      satisfaction: { 'internal#2026-Q4': { n: 10, overallSum: 42 } },
    });
    expect(baseline[0]!.details).toMatchObject({ reference: { source: 'baseline', mean: 4.5 } });
    // The year's real data: A's internal-led satisfaction holds.
    expect(year.members(`sat#module-lead-kind#${A}`)['internal']).toMatchObject({ n: 48, overallSum: 216 });
  });

  it('incremental maintenance (replacing one contribution at a time) equals summing everything', () => {
    // Replay the year source by source, in a shuffled order, with duplicates (at-least-once delivery) and one edit.
    const offs = scriptedSignOffs('2026-12-31T23:59:59.999Z');
    const sessions = scriptedSessions();
    const applied = new Map<string, Contributions>();
    const totals: Record<string, Record<string, number>> = {};
    const apply = (id: string, next: Contributions) => {
      const delta = diffContributions(applied.get(id) ?? {}, next);
      applied.set(id, next);
      for (const [k, c] of Object.entries(delta)) {
        const cur = totals[k] ?? {};
        totals[k] = cur;
        for (const [f, v] of Object.entries(c)) cur[f] = Math.round(((cur[f] ?? 0) + v) * 1e6) / 1e6;
      }
    };
    const order = [...sessions.keys()].sort((a, b) => ((a * 7919) % 97) - ((b * 7919) % 97));
    for (const i of [...order, ...order.slice(0, 10)])
      apply(sessions[i]!.id, deliveryContributions(factOf(sessions[i]!, offs)));
    // A session whose attendance is corrected to nobody present stops counting, then counts again.
    const s0 = sessions[0]!;
    apply(s0.id, {});
    apply(s0.id, deliveryContributions(factOf(s0, offs)));
    const expected = sumContributions(sessions.map((s) => deliveryContributions(factOf(s, offs))));
    expect(aggregateDifferences(expected, totals)).toEqual([]);
  });
});
