import type { EnrolmentStatus } from '../api/sessions-api.ts';
import { parisMonth } from './paris-time.ts';

/**
 * Aggregates are counters; every source record (an agent's report row, an enrolment, an evaluation response)
 * remembers what it added to which counter: its *contribution*, a map from counter reference to amount. When the
 * source changes, the projection writes `new − old` to the counters in the same transaction that stores the new
 * contribution, conditional on the old one: replays find nothing to add, so delivery at least once counts once.
 *
 * Counter references are storage-agnostic strings (the store maps them to items and attributes):
 * - `m/<service>/<shard>/<attr>`: the competency matrix of a service (sharded: one hot item would serialise writes);
 *   attrs `agents`, `entry` (completed the mandatory entry module), `lvl:<competency>:<level>` (highest level held);
 * - `p/<path>/<month>/<service>/<attr>`: enrolments of a path in a month (session start, Paris time) by service;
 *   attrs are the enrolment statuses (`enrolled`, `waitlisted`, `cancelled`, `attended`, `partial`, `noShow`,
 *   `sessionCancelled`) and `pathDone` (agents who completed the path that month);
 * - `e/<path>/<month>/<attr>`: evaluation responses (anonymous: no service), attrs `n`, `sum`, `o1`…`o5`, `rec`
 *   (would recommend), `recn` (answered the question), `n:<leadKind>`, `sum:<leadKind>`.
 */
export type Contribution = Record<string, number>;

/** Path bucket for enrolments and responses outside any path: `-`, which no kebab-case id can be. */
export const NO_PATH = '-';

export const MATRIX_SHARDS = 8;

/** FNV-1a: a stable, cheap spread of learners over matrix shards. */
export function shardOfLearner(learnerId: string, shards = MATRIX_SHARDS): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < learnerId.length; i++) {
    h ^= learnerId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}

export const STATUS_ATTR: Record<EnrolmentStatus, string> = {
  enrolled: 'enrolled',
  waitlisted: 'waitlisted',
  cancelled: 'cancelled',
  attended: 'attended',
  'partially-attended': 'partial',
  'no-show': 'noShow',
  'session-cancelled': 'sessionCancelled',
};

export const matrixRef = (service: string, shard: number, attr: string) => `m/${service}/${shard}/${attr}`;
export const pathRef = (pathId: string, month: string, service: string, attr: string) =>
  `p/${pathId}/${month}/${service}/${attr}`;
export const evalRef = (pathId: string, month: string, attr: string) => `e/${pathId}/${month}/${attr}`;

export type CounterRef =
  | { kind: 'matrix'; service: string; shard: number; attr: string }
  | { kind: 'path'; pathId: string; month: string; service: string; attr: string }
  | { kind: 'eval'; pathId: string; month: string; attr: string };

export function parseRef(ref: string): CounterRef {
  const p = ref.split('/');
  if (p[0] === 'm' && p.length === 4)
    return { kind: 'matrix', service: p[1]!, shard: Number(p[2]), attr: p[3]! };
  if (p[0] === 'p' && p.length === 5)
    return { kind: 'path', pathId: p[1]!, month: p[2]!, service: p[3]!, attr: p[4]! };
  if (p[0] === 'e' && p.length === 4) return { kind: 'eval', pathId: p[1]!, month: p[2]!, attr: p[3]! };
  throw new Error(`invalid counter reference '${ref}'`);
}

/** `new − old`, without zeros. */
export function diffContributions(
  oldC: Contribution | undefined,
  newC: Contribution | undefined,
): Contribution {
  const out: Contribution = {};
  for (const [k, v] of Object.entries(newC ?? {})) out[k] = v;
  for (const [k, v] of Object.entries(oldC ?? {})) out[k] = (out[k] ?? 0) - v;
  for (const k of Object.keys(out)) if (out[k] === 0) delete out[k];
  return out;
}

export function sameContribution(a: Contribution | undefined, b: Contribution | undefined): boolean {
  return Object.keys(diffContributions(a, b)).length === 0;
}

/** What one enrolment adds: one count under its status, in its path, month and service. */
export function enrolmentContribution(
  e: { status: EnrolmentStatus; pathId?: string; sessionStart: string; learnerService?: string },
  resolveService: (s: string | undefined) => string,
): Contribution {
  const attr = STATUS_ATTR[e.status];
  const month = parisMonth(e.sessionStart);
  if (!attr || !month) return {};
  return { [pathRef(e.pathId || NO_PATH, month, resolveService(e.learnerService), attr)]: 1 };
}

/** `recommend` as stored by the evaluation feature: a boolean, yes/no words, or a 0–10 score (9–10 = yes). */
export function recommends(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value >= 9;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (['yes', 'oui', 'true', 'y'].includes(v)) return true;
    if (['no', 'non', 'false', 'n'].includes(v)) return false;
  }
  return undefined;
}

/**
 * What one evaluation response adds, in the month of its session (Paris time; the submission month when the
 * session start is missing) and in every path it counts for (`pathIds`, else `pathId`). Responses are anonymous:
 * no service.
 */
export function evaluationContribution(r: {
  overall: unknown;
  recommend?: unknown;
  pathId?: unknown;
  pathIds?: unknown;
  sessionStart?: unknown;
  submittedAt?: unknown;
  leadKind?: unknown;
}): Contribution {
  const overall = Number(r.overall);
  const when =
    typeof r.sessionStart === 'string' && r.sessionStart
      ? r.sessionStart
      : typeof r.submittedAt === 'string'
        ? r.submittedAt
        : '';
  const month = when ? parisMonth(when) : '';
  if (!Number.isInteger(overall) || overall < 1 || overall > 5 || !month) return {};
  const listed = Array.isArray(r.pathIds)
    ? r.pathIds.filter((p): p is string => typeof p === 'string' && !!p)
    : [];
  const pathIds = listed.length
    ? [...new Set(listed)]
    : [typeof r.pathId === 'string' && r.pathId ? r.pathId : NO_PATH];
  const rec = recommends(r.recommend);
  const kind = typeof r.leadKind === 'string' ? r.leadKind.toLowerCase().replace(/[^a-z0-9-]/g, '') : '';
  const c: Contribution = {};
  for (const pathId of pathIds) {
    c[evalRef(pathId, month, 'n')] = 1;
    c[evalRef(pathId, month, 'sum')] = overall;
    c[evalRef(pathId, month, `o${overall}`)] = 1;
    if (rec !== undefined) {
      c[evalRef(pathId, month, 'recn')] = 1;
      if (rec) c[evalRef(pathId, month, 'rec')] = 1;
    }
    if (kind) {
      c[evalRef(pathId, month, `n:${kind}`)] = 1;
      c[evalRef(pathId, month, `sum:${kind}`)] = overall;
    }
  }
  return c;
}
