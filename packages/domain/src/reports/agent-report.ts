import type { EnrolmentStatus } from '../api/sessions-api.ts';
import type { ReportSettings } from '../content/report-settings.ts';
import { UNASSIGNED_SERVICE } from '../content/report-settings.ts';
import type { Catalog, Path } from '../content/schemas.ts';
import { competenciesHeld, type LearnerFacts, pathProgress } from '../lms/progress.ts';
import type { AgentDetail, AgentPathStatus, AgentSummary, SessionCounts } from './agent-model.ts';
import { type Contribution, matrixRef, pathRef, shardOfLearner } from './contributions.ts';
import { parisMonth } from './paris-time.ts';

/** Everything about one learner that the report reads: their profile and their partition's learning records. */
export interface AgentSources {
  learnerId: string;
  profile?: { displayName?: string; email?: string; service?: string };
  bookings: {
    sessionId: string;
    moduleId: string;
    pathId?: string;
    status: EnrolmentStatus;
    start: string;
    end: string;
    createdAt: string;
  }[];
  completions: { moduleId: string; sessionId: string; completedAt: string; learnerService?: string }[];
  paths: { pathId: string; joinedAt: string }[];
}

export interface AgentReport {
  detail: AgentDetail;
  contribution: Contribution;
}

/** A service of the catalog, or the `unassigned` bucket (no service, or one the catalog does not know). */
export function serviceResolver(c: Pick<Catalog, 'services'>): (s: string | undefined) => string {
  const known = new Set(c.services.map((x) => x.id));
  return (s) => (s && known.has(s) ? s : UNASSIGNED_SERVICE);
}

const latest = (values: (string | undefined)[]) =>
  values.reduce<string | undefined>((m, v) => (v && (!m || v > m) ? v : m), undefined);

/** When a path's requirements were met: the entry module, then the N-th elective, in completion order. */
export function pathCompletedAt(path: Path, completions: AgentSources['completions']): string | undefined {
  const entry = completions.find((c) => c.moduleId === path.entryModuleId)?.completedAt;
  if (!entry) return undefined;
  const electives = completions
    .filter((c) => path.electiveModuleIds.includes(c.moduleId))
    .map((c) => c.completedAt)
    .sort();
  const nth = electives[path.electivesRequired - 1];
  if (!nth) return undefined;
  // ISO instants: the later of the two strings.
  return [entry, nth].sort()[1];
}

function sessionCounts(bookings: AgentSources['bookings']): SessionCounts {
  const c: SessionCounts = { attended: 0, partial: 0, noShow: 0, upcoming: 0, waitlisted: 0, cancelled: 0 };
  for (const b of bookings) {
    if (b.status === 'attended') c.attended++;
    else if (b.status === 'partially-attended') c.partial++;
    else if (b.status === 'no-show') c.noShow++;
    else if (b.status === 'enrolled') c.upcoming++;
    else if (b.status === 'waitlisted') c.waitlisted++;
    else c.cancelled++;
  }
  return c;
}

/**
 * The agent's report (detail, list row and contribution to the aggregates), recomputed from their records alone:
 * the same inputs always give the same report, which is what makes the projection idempotent. Undefined when the
 * person has neither a profile nor any learning record (nothing to report).
 */
export function buildAgentReport(
  src: AgentSources,
  c: Pick<Catalog, 'modules' | 'paths' | 'services'>,
  settings: Pick<ReportSettings, 'mandatoryEntryModuleId'>,
): AgentReport | undefined {
  if (!src.profile && !src.bookings.length && !src.completions.length && !src.paths.length) return undefined;
  const resolve = serviceResolver(c);
  const completions = [...src.completions].sort(
    (a, b) => a.completedAt.localeCompare(b.completedAt) || a.moduleId.localeCompare(b.moduleId),
  );
  const bookings = [...src.bookings].sort(
    (a, b) => a.start.localeCompare(b.start) || a.sessionId.localeCompare(b.sessionId),
  );
  const latestCompletionService = [...completions].reverse().find((x) => x.learnerService)?.learnerService;
  const service = resolve(src.profile?.service ?? latestCompletionService);

  const facts: LearnerFacts = {
    bookings: bookings.map((b) => ({
      moduleId: b.moduleId,
      status: b.status,
      sessionId: b.sessionId,
      start: b.start,
      end: b.end,
    })),
    completions: completions.map((x) => ({
      moduleId: x.moduleId,
      completedAt: x.completedAt,
      sessionId: x.sessionId,
    })),
    joinedPaths: src.paths.map((p) => ({ pathId: p.pathId, joinedAt: p.joinedAt })),
  };

  const pathIds = new Set([
    ...src.paths.map((p) => p.pathId),
    ...bookings.flatMap((b) => (b.pathId ? [b.pathId] : [])),
  ]);
  const paths: AgentPathStatus[] = [];
  for (const path of c.paths) {
    if (!pathIds.has(path.id)) continue;
    const prog = pathProgress(path, facts);
    const completedAt = prog.completed ? pathCompletedAt(path, completions) : undefined;
    const started =
      prog.entryModule.status !== 'not-started' || prog.electives.some((e) => e.status !== 'not-started');
    paths.push({
      pathId: path.id,
      status: prog.completed ? 'completed' : started ? 'in-progress' : 'not-started',
      ...(prog.joinedAt ? { joinedAt: prog.joinedAt } : {}),
      entryModule: prog.entryModule.status,
      electivesCompleted: prog.electivesCompleted,
      electivesRequired: prog.electivesRequired,
      ...(completedAt ? { completedAt } : {}),
    });
  }

  const competencies = competenciesHeld(c, facts);
  const levels: AgentSummary['levels'] = {};
  for (const h of competencies) levels[h.competencyId] = h.level;
  const entryModuleCompleted = completions.some((x) => x.moduleId === settings.mandatoryEntryModuleId);
  const lastActivity = latest([
    ...completions.map((x) => x.completedAt),
    ...bookings.map((b) => b.createdAt),
    ...src.paths.map((p) => p.joinedAt),
  ]);
  const name = src.profile?.displayName?.trim() || src.learnerId;

  const detail: AgentDetail = {
    learnerId: src.learnerId,
    name,
    ...(src.profile?.email ? { email: src.profile.email } : {}),
    service,
    levels,
    modules: completions.map((x) => ({ moduleId: x.moduleId, completedAt: x.completedAt })),
    sessions: sessionCounts(bookings),
    paths,
    entryModuleCompleted,
    ...(lastActivity ? { lastActivity } : {}),
    competencies,
    sessionHistory: bookings.map((b) => ({
      sessionId: b.sessionId,
      moduleId: b.moduleId,
      ...(b.pathId ? { pathId: b.pathId } : {}),
      status: b.status,
      start: b.start,
    })),
  };

  const shard = shardOfLearner(src.learnerId);
  const contribution: Contribution = { [matrixRef(service, shard, 'agents')]: 1 };
  if (entryModuleCompleted) contribution[matrixRef(service, shard, 'entry')] = 1;
  for (const h of competencies)
    contribution[matrixRef(service, shard, `lvl:${h.competencyId}:${h.level}`)] = 1;
  for (const p of paths) {
    if (!p.completedAt) continue;
    const ref = pathRef(p.pathId, parisMonth(p.completedAt), service, 'pathDone');
    contribution[ref] = (contribution[ref] ?? 0) + 1;
  }
  return { detail, contribution };
}

/** The list row of a detail (what index blocks carry). */
export function summaryOf(d: AgentDetail): AgentSummary {
  const { competencies: _c, sessionHistory: _h, ...summary } = d;
  return summary;
}
