import type { EnrolmentStatus } from '../api/sessions-api.ts';
import { COMPETENCY_LEVELS, type CompetencyLevel } from '../content/schemas.ts';
import type { ModuleProgressStatus } from '../lms/progress.ts';

/**
 * The per-agent report: what the projection precomputes for each learner from their partition, and what the list
 * pages, the exports and the agent detail read. The list row (`AgentSummary`) is stored as one compact JSON line in
 * index blocks (see blocks.ts); the detail (`AgentDetail`) adds the evidence and lives in the agent's own row.
 */

export type PathState = 'completed' | 'in-progress' | 'not-started';

export interface AgentPathStatus {
  pathId: string;
  status: PathState;
  joinedAt?: string;
  entryModule: ModuleProgressStatus;
  electivesCompleted: number;
  electivesRequired: number;
  /** When the path's requirements were met: the latest of the completions it needed. */
  completedAt?: string;
}

export interface SessionCounts {
  attended: number;
  partial: number;
  noShow: number;
  /** Holding a seat in a session whose attendance is not taken yet. */
  upcoming: number;
  waitlisted: number;
  cancelled: number;
}

export interface AgentSummary {
  learnerId: string;
  /** Display name from the profile; the learner id when there is none. */
  name: string;
  email?: string;
  /** Report bucket: a service of the catalog, or `unassigned`. */
  service: string;
  /** Highest level held per competency. */
  levels: Record<string, CompetencyLevel>;
  /** Modules completed (attendance `present`), oldest first. */
  modules: { moduleId: string; completedAt: string }[];
  sessions: SessionCounts;
  paths: AgentPathStatus[];
  entryModuleCompleted: boolean;
  lastActivity?: string;
}

export interface AgentDetail extends AgentSummary {
  competencies: {
    competencyId: string;
    level: CompetencyLevel;
    evidence: { moduleId: string; sessionId: string; completedAt: string }[];
  }[];
  sessionHistory: {
    sessionId: string;
    moduleId: string;
    pathId?: string;
    status: EnrolmentStatus;
    start: string;
  }[];
}

// --- the compact line stored in index blocks -------------------------------------------------------------------

const PATH_STATES: PathState[] = ['completed', 'in-progress', 'not-started'];
const MODULE_STATES: ModuleProgressStatus[] = ['completed', 'enrolled', 'waitlisted', 'not-started'];

type Line = [
  v: 1,
  id: string,
  name: string,
  email: string,
  service: string,
  levels: Record<string, number>,
  modules: [string, string][],
  sessions: [number, number, number, number, number, number],
  paths: [string, number, number, number, number, string, string][],
  entry: 0 | 1,
  last: string,
];

/** One JSON array per agent (~250–400 bytes): short, and parsed only for the rows a page returns. */
export function encodeSummary(s: AgentSummary): string {
  const levels: Record<string, number> = {};
  for (const [c, l] of Object.entries(s.levels)) levels[c] = COMPETENCY_LEVELS.indexOf(l);
  const c = s.sessions;
  const line: Line = [
    1,
    s.learnerId,
    s.name,
    s.email ?? '',
    s.service,
    levels,
    s.modules.map((m) => [m.moduleId, m.completedAt]),
    [c.attended, c.partial, c.noShow, c.upcoming, c.waitlisted, c.cancelled],
    s.paths.map((p) => [
      p.pathId,
      PATH_STATES.indexOf(p.status),
      MODULE_STATES.indexOf(p.entryModule),
      p.electivesCompleted,
      p.electivesRequired,
      p.completedAt ?? '',
      p.joinedAt ?? '',
    ]),
    s.entryModuleCompleted ? 1 : 0,
    s.lastActivity ?? '',
  ];
  return JSON.stringify(line);
}

export function decodeSummary(json: string): AgentSummary {
  const l = JSON.parse(json) as Line;
  if (l[0] !== 1) throw new Error(`unknown agent line version ${String(l[0])}`);
  const levels: Record<string, CompetencyLevel> = {};
  for (const [c, r] of Object.entries(l[5])) levels[c] = COMPETENCY_LEVELS[r] ?? 'discover';
  const [attended, partial, noShow, upcoming, waitlisted, cancelled] = l[7];
  return {
    learnerId: l[1],
    name: l[2],
    ...(l[3] ? { email: l[3] } : {}),
    service: l[4],
    levels,
    modules: l[6].map(([moduleId, completedAt]) => ({ moduleId, completedAt })),
    sessions: { attended, partial, noShow, upcoming, waitlisted, cancelled },
    paths: l[8].map(([pathId, st, entry, done, req, completedAt, joinedAt]) => ({
      pathId,
      status: PATH_STATES[st] ?? 'not-started',
      entryModule: MODULE_STATES[entry] ?? 'not-started',
      electivesCompleted: done,
      electivesRequired: req,
      ...(completedAt ? { completedAt } : {}),
      ...(joinedAt ? { joinedAt } : {}),
    })),
    entryModuleCompleted: l[9] === 1,
    ...(l[10] ? { lastActivity: l[10] } : {}),
  };
}

// --- sort keys and listings ------------------------------------------------------------------------------------

export const AGENT_ORDERS = ['name', 'activity'] as const;
export type AgentOrder = (typeof AGENT_ORDERS)[number];
/** The index listings an agent appears in: by name, by last activity, and (only while missing it) by name among the
 * agents who have not completed the mandatory entry module. */
export type Listing = AgentOrder | 'noentry';
/** The listing scope covering every service (the lab's default view). Service ids are kebab-case, so never `*`. */
export const ALL_SERVICES = '*';

/** Lower case, accents and punctuation removed, spaces collapsed: "Élodie  D'Argent" → "elodie d argent". */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .slice(0, 48);
}

/**
 * The position of an agent in a listing: the sort value, then the learner id, which makes every key unique and the
 * order total. Cursors are such keys, so a page boundary never depends on offsets.
 */
export function sortKey(
  listing: Listing,
  s: Pick<AgentSummary, 'name' | 'learnerId' | 'lastActivity'>,
): string {
  if (listing === 'activity') return `${s.lastActivity ?? '0000'}#${s.learnerId}`;
  return `${nameKey(s.name)}#${s.learnerId}`;
}

export interface ListingEntry {
  /** `*` or a service. */
  scope: string;
  listing: Listing;
  key: string;
}

/** Every listing entry of an agent: by name and by activity, in their service and in `*`; plus `noentry`. */
export function listingEntries(s: AgentSummary): ListingEntry[] {
  const out: ListingEntry[] = [];
  for (const scope of [s.service, ALL_SERVICES]) {
    out.push({ scope, listing: 'name', key: sortKey('name', s) });
    out.push({ scope, listing: 'activity', key: sortKey('activity', s) });
    if (!s.entryModuleCompleted) out.push({ scope, listing: 'noentry', key: sortKey('noentry', s) });
  }
  return out;
}
