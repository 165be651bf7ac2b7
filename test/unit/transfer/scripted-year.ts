import type { FacilitatorRole } from '../../../packages/domain/src/api/sessions-api.ts';
import type { Path } from '../../../packages/domain/src/content/schemas.ts';
import type {
  LadderDef,
  Trajectory,
  TransferSettings,
} from '../../../packages/domain/src/content/transfer-content.ts';
import {
  type Contributions,
  deliveryContributions,
  responseContributions,
  splitAggId,
  sumContributions,
} from '../../../packages/domain/src/transfer/aggregates.ts';
import {
  buildDeliveryFact,
  type DeliveryFact,
  kindAt,
  type TrainerKindInfo,
} from '../../../packages/domain/src/transfer/delivery.ts';
import type { LadderSnapshot } from '../../../packages/domain/src/transfer/forecast.ts';
import {
  certificationMap,
  deliveredFromFact,
  evaluateLadder,
  type LadderState,
  type SignOffRecord,
} from '../../../packages/domain/src/transfer/ladder.ts';

/**
 * A scripted year (2026) of two modules, run through the pure functions exactly as the stream projection and the
 * rebuild do: facts from sessions, contributions summed into aggregates, ladders from facts, ratings and sign-offs.
 *
 * Module A (`intelligence-collective`): external only (Jan–Mar) → external lead with internal co-facilitators
 * (Apr–Jun) → internal lead under the external lead's observation (Jul–Aug) → internal only (Sep–Dec).
 * Module B (`design-thinking`): external only (Jan–Mar) → external lead with one internal co-facilitator from April
 * on, and nothing moves after that: a stall.
 */

export const A = 'intelligence-collective';
export const B = 'design-thinking';

export const settings: TransferSettings = {
  programmeStart: '2026-01-05',
  deliveryWeights: { lead: 1, 'co-facilitator': 0.5, shadow: 0, observer: 0 },
  minAttendeesForCredit: 1,
  satisfactionBaseline: 4.5,
  forecast: {
    lookbackMonths: 6,
    minMonthsWithSessions: 3,
    sessionsPerCertifiedLeadPerMonth: 2,
    reachedMonths: 2,
  },
  alerts: {
    stallWeeks: 8,
    satisfactionMargin: 0.2,
    satisfactionQuarters: 2,
    minResponsesForAlert: 5,
    behindPlanMargin: 0.15,
  },
  trajectories: [
    { moduleId: A, externalUntil: '2026-03-31', mixedBy: '2026-07-31', internalBy: '2027-03-31' },
    { moduleId: B, externalUntil: '2026-03-31', mixedBy: '2026-07-31', internalBy: '2027-03-31' },
  ],
};

export const trajectory = (m: string): Trajectory => settings.trajectories.find((t) => t.moduleId === m)!;

const t = (en: string) => ({ fr: en, en });
export const ladder: LadderDef = {
  id: 'standard',
  certifiedIndex: 3,
  steps: [
    { id: 'observer', title: t('Observer'), requires: { observed: 1 } },
    {
      id: 'co-facilitator',
      title: t('Co-facilitator'),
      requires: { coFacilitated: 2, minMeanRating: 4, minRatings: 3 },
    },
    {
      id: 'lead-under-observation',
      title: t('Lead under observation'),
      requires: { ledWithCertified: 1 },
      signOff: ['certified', 'lab'],
    },
    {
      id: 'certified-lead',
      title: t('Certified lead'),
      requires: { led: 3, minMeanRating: 4.2, minRatings: 5 },
      signOff: ['certified', 'lab'],
      certifies: true,
    },
    {
      id: 'trainer-of-trainers',
      title: t('Trainer of trainers'),
      requires: { led: 6, mentored: 2, minMeanRating: 4.3, minRatings: 10 },
      signOff: ['lab'],
    },
  ],
};

export const paths: Path[] = [
  {
    id: 'passinnov',
    title: t('P'),
    summary: t('P'),
    audience: t('P'),
    entryModuleId: A,
    electiveModuleIds: [B],
    electivesRequired: 1,
    archived: false,
    cancellationCutoffHours: 48,
    attendanceWindowDays: 7,
  },
];

export const registry: Record<string, TrainerKindInfo> = {
  ext1: { kind: 'external' },
  ext2: { kind: 'external' },
  in1: { kind: 'internal' },
  in2: { kind: 'internal' },
  in3: { kind: 'internal' },
};

export const signOffs: SignOffRecord[] = [
  // The providers' leads are recognised as certified from the start.
  {
    trainerId: 'ext1',
    moduleId: A,
    stepId: 'certified-lead',
    by: 'lab1',
    byRole: 'lab',
    at: '2026-01-01T00:00:00.000Z',
    recordedAt: '2026-01-02T00:00:00.000Z',
    basis: 'recognition',
  },
  {
    trainerId: 'ext2',
    moduleId: B,
    stepId: 'certified-lead',
    by: 'lab1',
    byRole: 'lab',
    at: '2026-01-01T00:00:00.000Z',
    recordedAt: '2026-01-02T00:00:00.000Z',
    basis: 'recognition',
  },
  // in1 led under ext1's observation in early July; ext1 signs it off, the lab certifies in1 at the end of August.
  {
    trainerId: 'in1',
    moduleId: A,
    stepId: 'lead-under-observation',
    by: 'ext1',
    byRole: 'certified',
    at: '2026-07-10T12:00:00.000Z',
    recordedAt: '2026-07-10T12:00:00.000Z',
    basis: 'criteria',
  },
  {
    trainerId: 'in1',
    moduleId: A,
    stepId: 'certified-lead',
    by: 'lab1',
    byRole: 'lab',
    at: '2026-08-31T12:00:00.000Z',
    recordedAt: '2026-08-31T12:00:00.000Z',
    basis: 'criteria',
  },
];

type Team = [string, FacilitatorRole][];
export interface ScriptedSession {
  id: string;
  moduleId: string;
  start: string;
  end: string;
  team: Team;
  /** Overall ratings of the responses; every rated facilitator gets the same rating as the overall. */
  ratings: number[];
}

const pad = (n: number) => String(n).padStart(2, '0');

function teamA(month: number, half: 0 | 1): Team {
  if (month <= 3)
    return [
      ['ext1', 'lead'],
      ...(month === 1 && half === 0 ? [['in1', 'observer'] as [string, FacilitatorRole]] : []),
      ...(month === 2 && half === 0 ? [['in2', 'observer'] as [string, FacilitatorRole]] : []),
    ];
  if (month === 4)
    return [
      ['ext1', 'lead'],
      ['in1', 'co-facilitator'],
    ];
  if (month === 5)
    return [
      ['ext1', 'lead'],
      ['in2', 'co-facilitator'],
    ];
  if (month === 6)
    return [
      ['ext1', 'lead'],
      [half === 0 ? 'in1' : 'in2', 'co-facilitator'],
    ];
  if (month <= 8)
    return [
      ['in1', 'lead'],
      ['ext1', 'co-facilitator'],
    ];
  return [
    ['in1', 'lead'],
    ['in2', 'co-facilitator'],
  ];
}

function teamB(month: number, half: 0 | 1): Team {
  if (month <= 2) return [['ext2', 'lead']];
  if (month === 3)
    return [['ext2', 'lead'], ...(half === 0 ? [['in3', 'observer'] as [string, FacilitatorRole]] : [])];
  return [
    ['ext2', 'lead'],
    ['in3', 'co-facilitator'],
  ];
}

/** Two 90-minute sessions per module per month, on the 6th and the 16th, 09:00–10:30 UTC. */
export function scriptedSessions(until = '2026-12-31'): ScriptedSession[] {
  const out: ScriptedSession[] = [];
  for (let month = 1; month <= 12; month++) {
    for (const half of [0, 1] as const) {
      const day = half === 0 ? 6 : 16;
      const start = `2026-${pad(month)}-${pad(day)}T09:00:00.000Z`;
      if (start.slice(0, 10) > until) continue;
      const end = `2026-${pad(month)}-${pad(day)}T10:30:00.000Z`;
      // A: external-led 4.6; mixed 4.4–4.5; internal 4.5 on average.
      const ra = month <= 3 ? [5, 5, 4, 4, 5] : month <= 8 ? [5, 4, 4, 5, 4] : [5, 4, 5, 4, 4, 5];
      out.push({
        id: `a-${pad(month)}-${half}`,
        moduleId: A,
        start,
        end,
        team: teamA(month, half),
        ratings: ra,
      });
      out.push({
        id: `b-${pad(month)}-${half}`,
        moduleId: B,
        start,
        end,
        team: teamB(month, half),
        ratings: [4, 4, 5, 4],
      });
    }
  }
  return out;
}

export function scriptedSignOffs(until: string): SignOffRecord[] {
  return signOffs.filter((s) => s.recordedAt <= until);
}

/** The delivery fact of a scripted session, as the projection builds it (10 attendees each). */
export function factOf(s: ScriptedSession, offs: readonly SignOffRecord[]): DeliveryFact {
  const certs = certificationMap(
    offs.filter((o) => o.moduleId === s.moduleId),
    ladder,
  );
  return buildDeliveryFact({
    session: { id: s.id, moduleId: s.moduleId, siteId: 'toulouse', start: s.start, end: s.end },
    facilitators: s.team.map(([trainerId, role]) => ({
      trainerId,
      role,
      kind: kindAt(registry[trainerId], s.start),
      certified: (certs.get(trainerId) ?? '9999') <= s.start,
    })),
    attendance: { attended: 10, partial: 0, noShow: 1 },
    paths,
    settings,
  });
}

export interface World {
  facts: DeliveryFact[];
  aggregates: Contributions;
  members: (group: string) => Record<string, Record<string, number>>;
  ladders: Map<string, LadderState>;
  snapshots: (moduleId: string) => LadderSnapshot[];
}

/** Everything derived from the script up to a date. */
export function worldAt(until: string): World {
  const offs = scriptedSignOffs(`${until}T23:59:59.999Z`);
  const sessions = scriptedSessions(until);
  const facts = sessions.map((s) => factOf(s, offs));
  const contributions: Contributions[] = facts.map(deliveryContributions);
  for (const [i, s] of sessions.entries()) {
    const fact = facts[i]!;
    for (const overall of s.ratings) {
      contributions.push(
        responseContributions(
          {
            sessionId: s.id,
            moduleId: s.moduleId,
            pathIds: fact.pathIds,
            siteId: fact.siteId,
            sessionStart: s.start,
            quarter: fact.quarter,
            leadKind: fact.leadKind,
            overall,
            recommend: overall >= 4,
            objectives: [overall, overall, overall],
            facilitators: s.team.map(([trainerId, role]) => ({ trainerId, role, rating: overall })),
          },
          ['lead', 'co-facilitator'],
        ),
      );
    }
  }
  const aggregates = sumContributions(contributions);
  const members = (group: string) => {
    const out: Record<string, Record<string, number>> = {};
    for (const [id, c] of Object.entries(aggregates)) {
      const { group: g, member } = splitAggId(id);
      if (g === group) out[member] = c;
    }
    return out;
  };
  const ladders = new Map<string, LadderState>();
  for (const moduleId of [A, B]) {
    const certs = certificationMap(
      offs.filter((o) => o.moduleId === moduleId),
      ladder,
    );
    const trainers = new Set(
      facts.filter((f) => f.moduleId === moduleId).flatMap((f) => f.facilitators.map((x) => x.trainerId)),
    );
    for (const trainerId of trainers) {
      const rating = members(`sat#trainer-module#${trainerId}`)[moduleId];
      ladders.set(
        `${trainerId}|${moduleId}`,
        evaluateLadder({
          trainerId,
          moduleId,
          kind: registry[trainerId]!.kind,
          ladder,
          facilitations: facts
            .filter((f) => f.moduleId === moduleId)
            .map((f) => deliveredFromFact(f, trainerId))
            .filter((x) => x !== undefined),
          signOffs: offs,
          ratings: { sum: rating?.['facSum'] ?? 0, count: rating?.['facN'] ?? 0 },
          certifiedAt: certs,
          minShown: 3,
        }),
      );
    }
  }
  const snapshots = (moduleId: string): LadderSnapshot[] =>
    [...ladders.values()]
      .filter((l) => l.moduleId === moduleId)
      .map((l) => ({
        trainerId: l.trainerId,
        moduleId: l.moduleId,
        kind: l.kind,
        currentIndex: l.currentIndex,
        certified: l.certified,
        certifiedAt: l.certifiedAt,
        lastProgressAt: l.lastProgressAt,
      }));
  return { facts, aggregates, members, ladders, snapshots };
}
