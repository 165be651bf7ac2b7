import type { ReportSettings } from '../content/report-settings.ts';
import { UNASSIGNED_SERVICE } from '../content/report-settings.ts';
import { type Catalog, COMPETENCY_LEVELS } from '../content/schemas.ts';
import type { AgentDetail, AgentPathStatus, AgentSummary } from './agent-model.ts';
import type { PathPeriodStats, ServiceMatrix } from './aggregates.ts';
import { type Cell, frPercent } from './csv.ts';
import { frDate } from './paris-time.ts';

/**
 * What the reports look like on the wire: JSON views (ids, ISO instants, rates 0–1) and CSV rows for French Excel
 * (titles in French, dd/mm/yyyy dates, percentages with a decimal comma). Pure: the catalog and the settings are
 * passed in.
 */

type Labels = Pick<Catalog, 'competencies' | 'modules' | 'paths' | 'services'>;

export function serviceName(c: Pick<Catalog, 'services'>, id: string): string {
  if (id === UNASSIGNED_SERVICE) return 'Sans service';
  return c.services.find((s) => s.id === id)?.name ?? id;
}

// --- agents ------------------------------------------------------------------------------------------------------

export function agentRowJson(s: AgentSummary) {
  return {
    learnerId: s.learnerId,
    name: s.name,
    ...(s.email ? { email: s.email } : {}),
    service: s.service,
    competencies: Object.entries(s.levels)
      .map(([competencyId, level]) => ({ competencyId, level }))
      .sort((a, b) => a.competencyId.localeCompare(b.competencyId)),
    modulesCompleted: s.modules,
    sessions: s.sessions,
    paths: s.paths,
    entryModuleCompleted: s.entryModuleCompleted,
    ...(s.lastActivity ? { lastActivity: s.lastActivity } : {}),
  };
}

export function agentDetailJson(d: AgentDetail) {
  return { ...agentRowJson(d), competencies: d.competencies, sessionHistory: d.sessionHistory };
}

function pathCell(p: AgentPathStatus | undefined): string {
  if (!p) return '';
  if (p.status === 'completed') return p.completedAt ? `terminé le ${frDate(p.completedAt)}` : 'terminé';
  const electives = `${p.electivesCompleted}/${p.electivesRequired} modules au choix`;
  const entry = p.entryModule === 'completed' ? "module d'entrée suivi" : "module d'entrée à suivre";
  return p.status === 'in-progress' ? `en cours : ${entry}, ${electives}` : 'inscrit, pas commencé';
}

export function agentCsvHeader(c: Labels, s: Pick<ReportSettings, 'mandatoryEntryModuleId'>): string[] {
  const entry =
    c.modules.find((m) => m.id === s.mandatoryEntryModuleId)?.title.fr ?? s.mandatoryEntryModuleId;
  return [
    'Service',
    'Identifiant',
    'Nom',
    'E-mail',
    ...c.competencies.map((x) => `Compétence : ${x.title.fr}`),
    'Modules terminés',
    'Nombre de modules terminés',
    'Présences',
    'Présences partielles',
    'Absences',
    'Inscriptions à venir',
    "En liste d'attente",
    'Annulations',
    `Module d'entrée suivi (${entry})`,
    ...c.paths.map((p) => `Parcours : ${p.title.fr}`),
    'Dernière activité',
  ];
}

const labelCache = new WeakMap<object, { modules: Map<string, string> }>();

function moduleTitles(c: Labels): Map<string, string> {
  let hit = labelCache.get(c);
  if (!hit) {
    hit = { modules: new Map(c.modules.map((m) => [m.id, m.title.fr])) };
    labelCache.set(c, hit);
  }
  return hit.modules;
}

export function agentCsvRow(a: AgentSummary, c: Labels, s: Pick<ReportSettings, 'levelLabels'>): Cell[] {
  const titles = moduleTitles(c);
  let modules = '';
  for (const m of a.modules) {
    if (modules) modules += '; ';
    modules += `${titles.get(m.moduleId) ?? m.moduleId} (${frDate(m.completedAt)})`;
  }
  const cells: Cell[] = [serviceName(c, a.service), a.learnerId, a.name, a.email ?? ''];
  for (const x of c.competencies) {
    const l = a.levels[x.id];
    cells.push(l ? s.levelLabels[l].fr : '');
  }
  cells.push(
    modules,
    a.modules.length,
    a.sessions.attended,
    a.sessions.partial,
    a.sessions.noShow,
    a.sessions.upcoming,
    a.sessions.waitlisted,
    a.sessions.cancelled,
    a.entryModuleCompleted,
  );
  for (const p of c.paths) cells.push(pathCell(a.paths.find((x) => x.pathId === p.id)));
  cells.push(frDate(a.lastActivity));
  return cells;
}

// --- services ----------------------------------------------------------------------------------------------------

export const SERVICE_CSV_HEADER = [
  'Service',
  'Agents',
  "Module d'entrée suivi",
  "Module d'entrée manquant",
  'Compétence',
  ...COMPETENCY_LEVELS.map((l) => `level:${l}`),
  'Niveau visé',
  'Objectif (%)',
  'Agents au niveau visé ou plus',
  'Couverture (%)',
  'Objectif atteint',
  'Agents manquants pour l’objectif',
];

export function serviceCsvHeader(s: Pick<ReportSettings, 'levelLabels'>): string[] {
  return SERVICE_CSV_HEADER.map((h) =>
    h.startsWith('level:')
      ? `Niveau le plus haut : ${s.levelLabels[h.slice(6) as keyof typeof s.levelLabels].fr}`
      : h,
  );
}

export function serviceCsvRows(
  m: ServiceMatrix,
  label: string,
  c: Pick<Catalog, 'competencies'>,
  s: Pick<ReportSettings, 'levelLabels'>,
): Cell[][] {
  return m.competencies.map((x) => [
    label,
    m.agents,
    m.entryModule.completed,
    m.entryModule.missing,
    c.competencies.find((k) => k.id === x.competencyId)?.title.fr ?? x.competencyId,
    ...COMPETENCY_LEVELS.map((l) => x.levels[l]),
    x.target ? s.levelLabels[x.target.level].fr : '',
    x.target ? frPercent(x.target.share) : '',
    x.target ? x.atLeast[x.target.level] : '',
    x.coverage ? frPercent(x.coverage.rate) : '',
    x.coverage ? x.coverage.met : '',
    x.coverage ? x.coverage.missingAgents : '',
  ]);
}

// --- paths -------------------------------------------------------------------------------------------------------

export const PATH_CSV_HEADER = [
  'Parcours',
  'Du',
  'Au',
  'Inscriptions',
  'À venir',
  "En liste d'attente",
  'Annulations',
  'Sessions annulées',
  'Modules terminés',
  'Présences partielles',
  'Absences',
  'Taux de présence (%)',
  "Taux d'absence (%)",
  'Parcours terminés',
  'Réponses au questionnaire (tous services)',
  'Satisfaction moyenne (sur 5)',
  'Recommanderaient (%)',
];

export function pathTitle(c: Pick<Catalog, 'paths'>, id: string): string {
  return c.paths.find((p) => p.id === id)?.title.fr ?? (id === '-' ? 'Hors parcours' : id);
}

/** First and last day of a month range, as dd/mm/yyyy. */
export function monthRangeDays(from: string, to: string): [string, string] {
  const [y, m] = to.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return [`01/${from.slice(5, 7)}/${from.slice(0, 4)}`, `${last}/${to.slice(5, 7)}/${to.slice(0, 4)}`];
}

export function pathCsvRow(
  row: { pathId: string; from: string; to: string } & PathPeriodStats,
  c: Pick<Catalog, 'paths'>,
): Cell[] {
  const [du, au] = monthRangeDays(row.from, row.to);
  const sat = row.satisfaction;
  return [
    pathTitle(c, row.pathId),
    du,
    au,
    row.enrolments,
    row.upcoming,
    row.waitlisted,
    row.cancelled,
    row.sessionCancelled,
    row.completions,
    row.partial,
    row.noShow,
    frPercent(row.attendanceRate),
    frPercent(row.noShowRate),
    row.pathCompletions,
    sat.responses,
    sat.average === null ? '' : Math.round(sat.average * 100) / 100,
    frPercent(sat.recommendRate),
  ];
}
