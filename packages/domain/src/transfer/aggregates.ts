import type { FacilitatorRole } from '../api/sessions-api.ts';
import { type DeliveryFact, type LeadKind, round6 } from './delivery.ts';

/**
 * Aggregates as sums of contributions (docs/transfer.md, "Aggregates"). Each source record (a completed session, an
 * evaluation response) contributes counters to a set of aggregates; an aggregate is the sum of the latest
 * contribution of every source. Incremental maintenance replaces one source's contribution (adds new − old); a
 * rebuild sums every source's contribution. Both use the functions below, which is what makes them agree.
 *
 * An aggregate is identified by a group (the partition: `mix#module#<m>`, `sat#site`…) and a member (the sort key:
 * `month#2027-01`, `<siteId>`…); `aggId` joins them for maps.
 */

export type Counters = Record<string, number>;
/** aggId → counters. */
export type Contributions = Record<string, Counters>;

const SEP = '|';
export const aggId = (group: string, member: string) => `${group}${SEP}${member}`;
export function splitAggId(id: string): { group: string; member: string } {
  const i = id.indexOf(SEP);
  return { group: id.slice(0, i), member: id.slice(i + 1) };
}

export const groups = {
  /** Delivery mix of a module, a path or the whole programme; members `month#…`, `quarter#…`, `total`. */
  mixModule: (moduleId: string) => `mix#module#${moduleId}`,
  mixPath: (pathId: string) => `mix#path#${pathId}`,
  mixAll: 'mix#all',
  /** Satisfaction by one dimension; members are the dimension's values. */
  satBy: (dim: SatDimension) => `sat#${dim}`,
  /** One trainer's ratings per module (their ladder's rating criterion); members are module ids. */
  satTrainerModule: (trainerId: string) => `sat#trainer-module#${trainerId}`,
  /** Sessions of one module; members `<start>#<sessionId>`. */
  satSessions: (moduleId: string) => `sat#sessions#module#${moduleId}`,
  /** One module by lead kind; members `<kind>` and `<kind>#<quarter>`. */
  satModuleLeadKind: (moduleId: string) => `sat#module-lead-kind#${moduleId}`,
} as const;

export const SAT_DIMENSIONS = ['module', 'site', 'path', 'lead-kind', 'quarter', 'trainer', 'all'] as const;
export type SatDimension = (typeof SAT_DIMENSIONS)[number];

export const mixMembers = {
  month: (m: string) => `month#${m}`,
  quarter: (q: string) => `quarter#${q}`,
  total: 'total',
};

function add(into: Contributions, id: string, c: Counters): void {
  const cur = into[id] ?? {};
  into[id] = cur;
  for (const [k, v] of Object.entries(c)) cur[k] = round6((cur[k] ?? 0) + v);
}

/** What one completed session contributes to the delivery-mix aggregates (nothing unless credited and staffed). */
export function deliveryContributions(fact: DeliveryFact): Contributions {
  const out: Contributions = {};
  if (!fact.credited || fact.deliveryClass === 'unstaffed') return out;
  const c: Counters = {
    sessions: 1,
    [fact.deliveryClass]: 1,
    minutes: fact.minutes,
    internalMinutes: fact.internalMinutes,
    shareSum: fact.internalShare ?? 0,
  };
  const scopes = [groups.mixModule(fact.moduleId), ...fact.pathIds.map(groups.mixPath), groups.mixAll];
  for (const g of scopes) {
    add(out, aggId(g, mixMembers.month(fact.month)), c);
    add(out, aggId(g, mixMembers.quarter(fact.quarter)), c);
    add(out, aggId(g, mixMembers.total), c);
  }
  return out;
}

/** The facts of one evaluation response the aggregates need (a projection of the stored item). */
export interface ResponseFacts {
  sessionId: string;
  moduleId: string;
  pathIds: string[];
  siteId: string;
  sessionStart: string;
  quarter: string;
  leadKind: LeadKind;
  overall: number;
  recommend: boolean;
  objectives: number[];
  facilitators: { trainerId: string; role: FacilitatorRole; rating?: number | undefined }[];
}

/** Counters of one response, as every satisfaction aggregate counts it. */
export function responseCounters(r: Pick<ResponseFacts, 'overall' | 'recommend' | 'objectives'>): Counters {
  const c: Counters = { n: 1, overallSum: r.overall, [`h${r.overall}`]: 1, recommend: r.recommend ? 1 : 0 };
  r.objectives.forEach((v, i) => {
    c[`obj${i}Sum`] = v;
    c[`obj${i}N`] = 1;
  });
  return c;
}

/**
 * What one response contributes: per session, module, site, path, lead kind, quarter and programme; per trainer
 * (the session's overall satisfaction, for each facilitator in a rated role, plus their own rating); per trainer
 * and module (the ladder's rating criterion); per module and lead kind (quality held during the transfer).
 */
export function responseContributions(
  r: ResponseFacts,
  ratedRoles: readonly FacilitatorRole[],
): Contributions {
  const out: Contributions = {};
  const base = responseCounters(r);
  add(out, aggId(groups.satSessions(r.moduleId), `${r.sessionStart}#${r.sessionId}`), base);
  add(out, aggId(groups.satBy('module'), r.moduleId), base);
  add(out, aggId(groups.satBy('site'), r.siteId), base);
  for (const p of r.pathIds) add(out, aggId(groups.satBy('path'), p), base);
  add(out, aggId(groups.satBy('lead-kind'), r.leadKind), base);
  add(out, aggId(groups.satBy('quarter'), r.quarter), base);
  add(out, aggId(groups.satBy('all'), 'total'), base);
  add(out, aggId(groups.satModuleLeadKind(r.moduleId), r.leadKind), base);
  add(out, aggId(groups.satModuleLeadKind(r.moduleId), `${r.leadKind}#${r.quarter}`), base);
  for (const f of r.facilitators) {
    if (!ratedRoles.includes(f.role)) continue;
    const own: Counters = { n: 1, overallSum: r.overall, recommend: r.recommend ? 1 : 0 };
    if (f.rating !== undefined) {
      own['facSum'] = f.rating;
      own['facN'] = 1;
    }
    add(out, aggId(groups.satBy('trainer'), f.trainerId), own);
    add(out, aggId(groups.satTrainerModule(f.trainerId), r.moduleId), own);
  }
  return out;
}

/** Sums contributions (a rebuild). */
export function sumContributions(all: Iterable<Contributions>): Contributions {
  const out: Contributions = {};
  for (const c of all) for (const [id, counters] of Object.entries(c)) add(out, id, counters);
  return out;
}

export function isZero(c: Counters | undefined): boolean {
  return !c || Object.values(c).every((v) => Math.abs(v) < 1e-9);
}

/** new − old, per aggregate, only where something changes (the incremental update of one source). */
export function diffContributions(prev: Contributions, next: Contributions): Contributions {
  const out: Contributions = {};
  for (const id of new Set([...Object.keys(prev), ...Object.keys(next)])) {
    const a = prev[id] ?? {};
    const b = next[id] ?? {};
    const d: Counters = {};
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const v = round6((b[k] ?? 0) - (a[k] ?? 0));
      if (Math.abs(v) > 1e-9) d[k] = v;
    }
    if (Object.keys(d).length) out[id] = d;
  }
  return out;
}

/** Two aggregate maps agree (zero members count as absent; 1e-6 tolerance for minute-weighted sums). */
export function aggregateDifferences(
  expected: Contributions,
  actual: Contributions,
): { id: string; expected: Counters | undefined; actual: Counters | undefined }[] {
  const out: { id: string; expected: Counters | undefined; actual: Counters | undefined }[] = [];
  for (const id of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const e = expected[id];
    const a = actual[id];
    if (isZero(e) && isZero(a)) continue;
    const keys = new Set([...Object.keys(e ?? {}), ...Object.keys(a ?? {})]);
    const same = [...keys].every((k) => Math.abs((e?.[k] ?? 0) - (a?.[k] ?? 0)) < 1e-6);
    if (!same) out.push({ id, expected: e, actual: a });
  }
  return out.sort((x, y) => x.id.localeCompare(y.id));
}
