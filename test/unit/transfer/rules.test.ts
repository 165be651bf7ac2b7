import { describe, expect, it } from 'vitest';
import { seedSources } from '../../../functions/seed/sources.ts';
import { catalog } from '../../../packages/domain/src/content/catalog.ts';
import {
  checkTransferContent,
  ladderDefFor,
  ladders,
  laddersSchema,
  questionnaire,
  transferSettings,
} from '../../../packages/domain/src/content/transfer-content.ts';
import { AppError } from '../../../packages/domain/src/errors.ts';
import {
  buildDeliveryFact,
  internalShare,
  kindAt,
  leadKindOf,
  pathIdsOf,
  periodOf,
} from '../../../packages/domain/src/transfer/delivery.ts';
import { periodsBetween, plannedShare } from '../../../packages/domain/src/transfer/kpi.ts';
import {
  checkSignOff,
  evaluateLadder,
  type SignOffRecord,
} from '../../../packages/domain/src/transfer/ladder.ts';
import { checkStaffing } from '../../../packages/domain/src/transfer/staffing.ts';
import { A, ladder, paths, settings } from './scripted-year.ts';

const weights = settings.deliveryWeights;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return `${e.kind}:${e.code}`;
    throw e;
  }
  return undefined;
}

describe('content of the transfer', () => {
  it('transfer.json, ladders.json and evaluation.json validate, with every module known', () => {
    expect(transferSettings().deliveryWeights).toEqual({
      lead: 1,
      'co-facilitator': 0.5,
      shadow: 0,
      observer: 0,
    });
    expect(questionnaire().minResponsesShown).toBeGreaterThanOrEqual(3);
    for (const m of catalog().modules) {
      const l = ladderDefFor(m.id);
      expect(l.steps[l.certifiedIndex]?.signOff).toBeDefined();
    }
    expect(ladderDefFor('facilitation').id).toBe('renforce');
    expect(
      checkTransferContent(transferSettings(), ladders(), new Set(catalog().modules.map((m) => m.id))),
    ).toEqual([]);
  });

  it('rejects a ladder whose certification is not signed off, unknown modules and duplicate trajectories', () => {
    const broken = structuredClone(seedSources.ladders) as {
      ladders: { steps: { certifies?: boolean; signOff?: unknown }[] }[];
    };
    delete broken.ladders[0]!.steps.find((s) => s.certifies)!.signOff;
    expect(laddersSchema.safeParse(broken).success).toBe(false);
    const t = structuredClone(transferSettings());
    t.trajectories.push({ ...t.trajectories[0]! }, { ...t.trajectories[0]!, moduleId: 'astrophysique' });
    expect(checkTransferContent(t, ladders(), new Set(catalog().modules.map((m) => m.id)))).toHaveLength(2);
  });
});

describe('delivery mix of one session', () => {
  it('weights roles: lead 1, co-facilitator 0.5, observers and shadows nothing; unknown trainers count as not internal', () => {
    expect(
      internalShare(
        [
          { trainerId: 'e', role: 'lead', kind: 'external' },
          { trainerId: 'i', role: 'observer', kind: 'internal' },
        ],
        weights,
      ),
    ).toBe(0);
    expect(
      internalShare(
        [
          { trainerId: 'i', role: 'lead', kind: 'internal' },
          { trainerId: 'e', role: 'co-facilitator', kind: 'external' },
        ],
        weights,
      ),
    ).toBeCloseTo(2 / 3);
    expect(
      internalShare(
        [
          { trainerId: 'i', role: 'lead', kind: 'internal' },
          { trainerId: 'u', role: 'co-facilitator', kind: 'unknown' },
        ],
        weights,
      ),
    ).toBeCloseTo(2 / 3);
    expect(internalShare([{ trainerId: 'i', role: 'shadow', kind: 'internal' }], weights)).toBeNull();
    expect(leadKindOf([{ trainerId: 'i', role: 'shadow', kind: 'internal' }], weights)).toBe('internal');
    expect(leadKindOf([], weights)).toBe('external');
  });

  it('keeps the kind a trainer had when the session ran (history, never backdated)', () => {
    const t = {
      kind: 'internal' as const,
      kindHistory: [
        { kind: 'external' as const, from: '2026-01-01T00:00:00Z' },
        { kind: 'internal' as const, from: '2026-06-01T00:00:00Z' },
      ],
    };
    expect(kindAt(t, '2025-12-01T00:00:00Z')).toBe('external');
    expect(kindAt(t, '2026-05-31T23:59:59Z')).toBe('external');
    expect(kindAt(t, '2026-06-01T00:00:00Z')).toBe('internal');
    expect(kindAt(undefined, '2026-06-01T00:00:00Z')).toBe('unknown');
  });

  it('periods are in Paris time; sessions open to every path count for each path holding the module', () => {
    expect(periodOf('2026-12-31T23:30:00.000Z')).toEqual({
      date: '2027-01-01',
      month: '2027-01',
      quarter: '2027-Q1',
    });
    expect(periodOf('2026-06-30T21:59:00.000Z').quarter).toBe('2026-Q2');
    expect(pathIdsOf({ moduleId: A }, catalog().paths)).toEqual(['formation-action-referents', 'passinnov']);
    expect(pathIdsOf({ moduleId: A, pathId: 'passinnov' }, catalog().paths)).toEqual(['passinnov']);
  });

  it('a session nobody attended is not credited (no KPI, no ladder step)', () => {
    const fact = buildDeliveryFact({
      session: {
        id: 's',
        moduleId: A,
        siteId: 'toulouse',
        start: '2026-03-01T09:00:00Z',
        end: '2026-03-01T10:30:00Z',
      },
      facilitators: [{ trainerId: 'i', role: 'lead', kind: 'internal', certified: false }],
      attendance: { attended: 0, partial: 0, noShow: 4 },
      paths,
      settings,
    });
    expect(fact).toMatchObject({
      credited: false,
      deliveryClass: 'internal',
      minutes: 90,
      internalMinutes: 90,
    });
  });

  it('planned share: 0, then linear to 50% at mixedBy, to 100% at internalBy', () => {
    const t = { moduleId: A, externalUntil: '2026-03-31', mixedBy: '2026-07-31', internalBy: '2027-03-31' };
    expect(plannedShare(t, '2026-01-15')).toBe(0);
    expect(plannedShare(t, '2026-07-31')).toBe(0.5);
    expect(plannedShare(t, '2027-04-01')).toBe(1);
    expect(periodsBetween('2026-11-15', '2027-02-01', 'quarter')).toEqual(['2026-Q4', '2027-Q1']);
  });
});

describe('ladder rules and sign-offs', () => {
  const base = {
    trainerId: 't',
    moduleId: A,
    kind: 'internal' as const,
    ladder,
    ratings: { sum: 0, count: 0 },
    certifiedAt: new Map<string, string>(),
    minShown: 3,
  };
  const led = (id: string, day: number, withCert: boolean) => ({
    sessionId: id,
    moduleId: A,
    role: 'lead' as const,
    start: `2026-05-${String(day).padStart(2, '0')}T09:00:00.000Z`,
    end: `2026-05-${String(day).padStart(2, '0')}T10:30:00.000Z`,
    credited: true,
    others: withCert
      ? [{ trainerId: 'cert', role: 'co-facilitator' as const, kind: 'external' as const }]
      : [],
  });
  const signOff = (stepId: string, at = '2026-05-20T00:00:00.000Z'): SignOffRecord => ({
    trainerId: 't',
    moduleId: A,
    stepId,
    by: 'lab1',
    byRole: 'lab',
    at,
    recordedAt: at,
    basis: 'criteria',
  });

  it('a signed-off step implies the steps below it; a mean of fewer than 3 ratings is not shown', () => {
    const s = evaluateLadder({
      ...base,
      facilitations: [],
      signOffs: [signOff('certified-lead')],
      ratings: { sum: 9, count: 2 },
    });
    expect(s.currentStep).toBe('certified-lead');
    expect(s.steps.slice(0, 4).every((x) => x.status === 'achieved')).toBe(true);
    expect(s.ratings).toEqual({ count: 2, mean: null });
    expect(s.certifiedAt).toBe('2026-05-20T00:00:00.000Z');
  });

  it('leading counts "with a certified lead present" only when the colleague was certified at the start', () => {
    const certifiedAt = new Map([['cert', '2026-05-10T00:00:00.000Z']]);
    const s = evaluateLadder({
      ...base,
      certifiedAt,
      facilitations: [led('a', 5, true), led('b', 12, true), led('c', 13, false)],
      signOffs: [],
    });
    expect(s.counts).toMatchObject({ led: 3, ledWithCertified: 1 });
  });

  it('who may sign: the lab or a certified lead of the module, never oneself; only when the criteria are met; once', () => {
    const certifiedAt = new Map([['cert', '2026-01-01T00:00:00.000Z']]);
    const ready = evaluateLadder({
      ...base,
      certifiedAt,
      ratings: { sum: 13, count: 3 },
      facilitations: [
        { ...led('o', 1, true), role: 'observer' },
        { ...led('c1', 2, true), role: 'co-facilitator' },
        { ...led('c2', 3, true), role: 'co-facilitator' },
        led('l1', 4, true),
      ],
      signOffs: [],
    });
    expect(ready.steps.map((s) => s.status)).toEqual([
      'achieved',
      'achieved',
      'awaiting-sign-off',
      'locked',
      'locked',
    ]);
    const req =
      (
        signer: { userId: string; isLab: boolean; certifiedOnModule: boolean },
        stepId = 'lead-under-observation',
        recognition = false,
      ) =>
      () =>
        checkSignOff(ready, ladder, { stepId, signer, recognition });
    expect(req({ userId: 'cert', isLab: false, certifiedOnModule: true })()).toEqual({ byRole: 'certified' });
    expect(req({ userId: 'lab1', isLab: true, certifiedOnModule: false })()).toEqual({ byRole: 'lab' });
    expect(codeOf(req({ userId: 'x', isLab: false, certifiedOnModule: false }))).toBe(
      'forbidden:sign-off-not-allowed',
    );
    expect(codeOf(req({ userId: 't', isLab: true, certifiedOnModule: true }))).toBe(
      'forbidden:self-sign-off',
    );
    expect(codeOf(req({ userId: 'cert', isLab: false, certifiedOnModule: true }, 'certified-lead'))).toBe(
      'conflict:criteria-not-met',
    );
    expect(codeOf(req({ userId: 'cert', isLab: false, certifiedOnModule: true }, 'observer'))).toBe(
      'conflict:step-not-signed-off',
    );
    expect(
      codeOf(req({ userId: 'cert', isLab: false, certifiedOnModule: true }, 'trainer-of-trainers', true)),
    ).toBe('forbidden:lab-only');
    // The trainer-of-trainers step is for the lab alone.
    expect(codeOf(req({ userId: 'cert', isLab: false, certifiedOnModule: true }, 'nope'))).toBe(
      'conflict:unknown-step',
    );
    const signed = evaluateLadder({
      ...base,
      certifiedAt,
      ratings: { sum: 13, count: 3 },
      facilitations: [],
      signOffs: [signOff('lead-under-observation')],
    });
    expect(
      codeOf(() =>
        checkSignOff(signed, ladder, {
          stepId: 'lead-under-observation',
          signer: { userId: 'lab1', isLab: true, certifiedOnModule: false },
          recognition: false,
        }),
      ),
    ).toBe('conflict:already-signed-off');
  });
});

describe('staffing checks', () => {
  const ladderOf = (currentIndex: number, counts: Partial<Record<string, number>> = {}) =>
    ({
      currentIndex,
      counts: {
        observed: 0,
        coFacilitated: 0,
        led: 0,
        ledWithCertified: 0,
        mentored: 0,
        credited: 0,
        ...counts,
      },
      steps: ladder.steps.map((s, i) => ({
        id: s.id,
        status: i <= currentIndex ? 'achieved' : i === currentIndex + 1 ? 'in-progress' : 'locked',
      })),
    }) as never;
  const trainers = new Map([
    ['ext', { trainerId: 'ext', kind: 'external' as const, registered: true, active: true }],
    [
      'new',
      { trainerId: 'new', kind: 'internal' as const, registered: true, active: true, name: 'Nouvelle' },
    ],
    ['co', { trainerId: 'co', kind: 'internal' as const, registered: true, active: true }],
    ['busy', { trainerId: 'busy', kind: 'internal' as const, registered: true, active: true }],
  ]);
  const run = (
    facilitators: { trainerId: string; role: 'lead' | 'co-facilitator' | 'observer' }[],
    override?: { by: string; at: string },
  ) =>
    checkStaffing({
      session: { moduleId: A, start: '2027-02-01T09:00:00.000Z', facilitators },
      ladder,
      trainers,
      states: new Map([
        ['new', ladderOf(-1)],
        ['co', ladderOf(0, { observed: 1 })],
        ['busy', ladderOf(0, { observed: 1 })],
      ]),
      certifiedAt: new Map([['ext', '2026-01-01T00:00:00.000Z']]),
      candidates: ['new', 'co', 'busy'],
      busy: new Set(['busy']),
      override,
    });

  it('pairs the certified external lead with internal trainers who need exactly this session', () => {
    const r = run([{ trainerId: 'ext', role: 'lead' }]);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(['no-internal-trainer']);
    expect(r.suggestions).toEqual([
      {
        trainerId: 'new',
        name: 'Nouvelle',
        role: 'observer',
        forStep: 'observer',
        pairWith: 'ext',
        reason: 'needs-observation',
        remaining: 1,
      },
      {
        trainerId: 'co',
        role: 'co-facilitator',
        forStep: 'co-facilitator',
        pairWith: 'ext',
        reason: 'needs-co-facilitation',
        remaining: 2,
      },
    ]);
  });

  it('warns without a certified lead (overridable, recorded) and about trainers missing from the registry', () => {
    const r = run([
      { trainerId: 'co', role: 'lead' },
      { trainerId: 'ghost', role: 'co-facilitator' },
    ]);
    expect(r.ok).toBe(false);
    expect(r.warnings.map((w) => w.code)).toEqual(['no-certified-lead', 'unregistered-trainer']);
    const o = run([{ trainerId: 'co', role: 'lead' }], { by: 'lab1', at: '2027-01-01T00:00:00.000Z' });
    expect(o.ok).toBe(true);
    expect(o.warnings[0]).toMatchObject({ code: 'no-certified-lead', overridden: true });
    expect(o.override).toEqual({ by: 'lab1', at: '2027-01-01T00:00:00.000Z' });
  });
});
