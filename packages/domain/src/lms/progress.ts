import type { EnrolmentStatus } from '../api/sessions-api.ts';
import { type Catalog, type CompetencyLevel, levelRank, type Path } from '../content/schemas.ts';

export type ModuleProgressStatus = 'completed' | 'enrolled' | 'waitlisted' | 'not-started';

export interface LearnerFacts {
  bookings: { moduleId: string; status: EnrolmentStatus; sessionId: string; start: string; end: string }[];
  completions: { moduleId: string; completedAt: string; sessionId: string }[];
  joinedPaths: { pathId: string; joinedAt: string }[];
}

export interface PathProgress {
  pathId: string;
  joined: boolean;
  joinedAt?: string;
  entryModule: { moduleId: string; status: ModuleProgressStatus };
  electives: { moduleId: string; status: ModuleProgressStatus }[];
  electivesCompleted: number;
  electivesRequired: number;
  completed: boolean;
  /** What remains, in the order a learner should do it: the entry module first. */
  remaining: { entryModule?: string; electivesStillNeeded: number; electiveOptions: string[] };
}

export interface CompetencyHeld {
  competencyId: string;
  level: CompetencyLevel;
  evidence: { moduleId: string; sessionId: string; completedAt: string }[];
}

export function moduleStatus(facts: LearnerFacts, moduleId: string): ModuleProgressStatus {
  if (facts.completions.some((c) => c.moduleId === moduleId)) return 'completed';
  const active = facts.bookings.filter((b) => b.moduleId === moduleId);
  if (active.some((b) => b.status === 'enrolled')) return 'enrolled';
  if (active.some((b) => b.status === 'waitlisted')) return 'waitlisted';
  return 'not-started';
}

export function pathProgress(path: Path, facts: LearnerFacts): PathProgress {
  const membership = facts.joinedPaths.find((p) => p.pathId === path.id);
  const entryStatus = moduleStatus(facts, path.entryModuleId);
  const electives = path.electiveModuleIds.map((moduleId) => ({
    moduleId,
    status: moduleStatus(facts, moduleId),
  }));
  const done = electives.filter((e) => e.status === 'completed').length;
  const inProgress = electives.filter((e) => e.status === 'enrolled' || e.status === 'waitlisted').length;
  const stillNeeded = Math.max(0, path.electivesRequired - done);
  return {
    pathId: path.id,
    joined: Boolean(membership),
    ...(membership ? { joinedAt: membership.joinedAt } : {}),
    entryModule: { moduleId: path.entryModuleId, status: entryStatus },
    electives,
    electivesCompleted: done,
    electivesRequired: path.electivesRequired,
    completed: entryStatus === 'completed' && done >= path.electivesRequired,
    remaining: {
      ...(entryStatus === 'completed' ? {} : { entryModule: path.entryModuleId }),
      electivesStillNeeded: stillNeeded,
      // Electives already booked count as under way; the options are the ones not started yet.
      electiveOptions:
        stillNeeded - inProgress > 0
          ? electives.filter((e) => e.status === 'not-started').map((e) => e.moduleId)
          : [],
    },
  };
}

/** Competencies = the highest level granted by any completed module, with every completion as evidence. */
export function competenciesHeld(catalog: Pick<Catalog, 'modules'>, facts: LearnerFacts): CompetencyHeld[] {
  const held = new Map<string, CompetencyHeld>();
  for (const c of facts.completions) {
    const module = catalog.modules.find((m) => m.id === c.moduleId);
    for (const g of module?.competencies ?? []) {
      const h = held.get(g.competencyId) ?? { competencyId: g.competencyId, level: g.level, evidence: [] };
      if (levelRank(g.level) > levelRank(h.level)) h.level = g.level;
      h.evidence.push({ moduleId: c.moduleId, sessionId: c.sessionId, completedAt: c.completedAt });
      held.set(g.competencyId, h);
    }
  }
  return [...held.values()].sort((a, b) => a.competencyId.localeCompare(b.competencyId));
}

/** The modules a learner still needs across the given paths, entry modules first, without duplicates. */
export function modulesStillNeeded(paths: Path[], facts: LearnerFacts): string[] {
  const entry: string[] = [];
  const electives: string[] = [];
  for (const p of paths) {
    const prog = pathProgress(p, facts);
    if (prog.remaining.entryModule && moduleStatus(facts, p.entryModuleId) === 'not-started')
      entry.push(p.entryModuleId);
    if (prog.remaining.electivesStillNeeded > 0) electives.push(...prog.remaining.electiveOptions);
  }
  return [...new Set([...entry, ...electives])];
}
