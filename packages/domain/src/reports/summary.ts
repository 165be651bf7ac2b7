import type { ReportSettings, SummaryRecipient } from '../content/report-settings.ts';
import type { Catalog } from '../content/schemas.ts';
import type { PathPeriodStats, ServiceMatrix } from './aggregates.ts';
import { frNumber } from './csv.ts';
import { monthLabel } from './paris-time.ts';
import { pathTitle, serviceName } from './render.ts';

/**
 * The monthly summary e-mailed to HR: last month's activity in their services and where they stand on the
 * mandatory entry module and the coverage targets. Plain text; it fills the `{{summaryText}}` of the
 * `hr-monthly-summary` template in content/emails.json.
 */
export interface SummaryInput {
  recipient: SummaryRecipient;
  month: string;
  /** Last month's figures per path, for the recipient's services (satisfaction: all services). */
  paths: ({ pathId: string } & PathPeriodStats)[];
  /** Today's matrix per service of the recipient. */
  services: ServiceMatrix[];
}

const pct = (r: number | null, locale: 'fr' | 'en') =>
  r === null
    ? '–'
    : `${locale === 'fr' ? frNumber(Math.round(r * 1000) / 10, 1) : String(Math.round(r * 1000) / 10)} %`;

export function summaryVars(
  input: SummaryInput,
  c: Pick<Catalog, 'paths' | 'services' | 'competencies' | 'modules'>,
  s: Pick<ReportSettings, 'levelLabels' | 'mandatoryEntryModuleId'>,
): { firstName: string; summaryPeriod: string; summaryText: string } {
  const locale = input.recipient.locale;
  const fr = locale === 'fr';
  const lines: string[] = [];
  lines.push(
    `${fr ? 'Services' : 'Services'} : ${input.recipient.services.map((id) => serviceName(c, id)).join(', ')}`,
  );
  lines.push('');
  const active = input.paths.filter(
    (p) => p.enrolments + p.cancelled + p.waitlisted + p.pathCompletions + p.satisfaction.responses > 0,
  );
  if (!active.length)
    lines.push(fr ? 'Aucune activité de formation ce mois-ci.' : 'No training activity this month.');
  for (const p of active) {
    lines.push(`${pathTitle(c, p.pathId)}`);
    lines.push(
      fr
        ? `  Inscriptions : ${p.enrolments} · modules terminés : ${p.completions} · taux de présence : ${pct(p.attendanceRate, locale)} · absences : ${pct(p.noShowRate, locale)}`
        : `  Enrolments: ${p.enrolments} · modules completed: ${p.completions} · attendance: ${pct(p.attendanceRate, locale)} · no-shows: ${pct(p.noShowRate, locale)}`,
    );
    if (p.pathCompletions)
      lines.push(
        fr ? `  Parcours terminés : ${p.pathCompletions}` : `  Paths completed: ${p.pathCompletions}`,
      );
    if (p.satisfaction.responses)
      lines.push(
        fr
          ? `  Satisfaction (tous services) : ${frNumber(Math.round((p.satisfaction.average ?? 0) * 10) / 10, 1)}/5 sur ${p.satisfaction.responses} réponse(s)`
          : `  Satisfaction (all services): ${Math.round((p.satisfaction.average ?? 0) * 10) / 10}/5 from ${p.satisfaction.responses} response(s)`,
      );
  }
  const entryTitle =
    c.modules.find((m) => m.id === s.mandatoryEntryModuleId)?.title[locale] ?? s.mandatoryEntryModuleId;
  for (const m of input.services) {
    lines.push('');
    lines.push(`${serviceName(c, m.serviceId)} — ${m.agents} agent(s)`);
    lines.push(
      fr
        ? `  ${entryTitle} (module d'entrée) : suivi par ${m.entryModule.completed}, ${m.entryModule.missing} ne l'ont pas encore suivi`
        : `  ${entryTitle} (entry module): completed by ${m.entryModule.completed}, ${m.entryModule.missing} still to take it`,
    );
    for (const x of m.competencies) {
      if (!x.target || !x.coverage) continue;
      const title = c.competencies.find((k) => k.id === x.competencyId)?.title[locale] ?? x.competencyId;
      const level = s.levelLabels[x.target.level][locale];
      const state = x.coverage.met
        ? fr
          ? 'objectif atteint'
          : 'target met'
        : fr
          ? `${x.coverage.missingAgents} agent(s) manquant(s)`
          : `${x.coverage.missingAgents} agent(s) short`;
      lines.push(
        `  ${title} (${level}) : ${pct(x.coverage.rate, locale)} / ${fr ? 'objectif' : 'target'} ${pct(x.target.share, locale)} — ${state}`,
      );
    }
  }
  return {
    // A person is greeted by first name; a shared mailbox (no account) by its full name.
    firstName: input.recipient.userId
      ? (input.recipient.name.trim().split(/\s+/)[0] ?? '')
      : input.recipient.name,
    summaryPeriod: monthLabel(input.month, locale),
    summaryText: lines.join('\n'),
  };
}
