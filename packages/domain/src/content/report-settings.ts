import * as z from 'zod/mini';
import { catalog } from './catalog.ts';
import { type Catalog, COMPETENCY_LEVELS, competencyLevel, kebabId, localizedText } from './schemas.ts';
import '../zod-locale.ts';
import { parseContent } from './parse-content.ts';
import { perRevision } from './programme.ts';

/**
 * Settings of the HR reports (`content/reports.json`): the mandatory entry module, coverage targets (default and per
 * service), level labels for exports, the recipients of the monthly summary, and export limits. Validated once per
 * process against its schema and the catalog; a bad file fails loudly.
 */

/** Reserved report bucket for agents without a (known) service. Never a service id of the catalog. */
export const UNASSIGNED_SERVICE = 'unassigned';

const coverageTarget = z.strictObject({
  competencyId: kebabId,
  level: competencyLevel,
  /** Share of the service's agents that should hold at least `level` (0–1). */
  share: z.number().check(z.gt(0), z.lte(1)),
});
export type CoverageTarget = z.infer<typeof coverageTarget>;

const recipient = z.strictObject({
  /** Stable id: part of the key that makes a month's summary idempotent. */
  id: kebabId,
  /** The person's account, when they have one (their preferences and unsubscribe link apply). */
  userId: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  email: z.email(),
  locale: z._default(z.enum(['fr', 'en']), 'fr'),
  services: z.array(kebabId).check(z.minLength(1)),
});
export type SummaryRecipient = z.infer<typeof recipient>;

export const reportSettingsSchema = z.strictObject({
  mandatoryEntryModuleId: kebabId,
  levelLabels: z.strictObject(
    Object.fromEntries(COMPETENCY_LEVELS.map((l) => [l, localizedText])) as Record<
      (typeof COMPETENCY_LEVELS)[number],
      typeof localizedText
    >,
  ),
  coverageTargets: z.strictObject({
    default: z.array(coverageTarget),
    byService: z._default(z.record(kebabId, z.array(coverageTarget)), {}),
  }),
  monthlySummary: z.strictObject({ recipients: z.array(recipient) }),
  exports: z.strictObject({
    /** Uncompressed size of one downloadable part: below the 6 MB synchronous Lambda response limit. */
    partMaxBytes: z.int().check(z.gte(10_000), z.lte(5_000_000)),
    retentionDays: z.int().check(z.gte(1), z.lte(90)),
  }),
});
export type ReportSettings = z.infer<typeof reportSettingsSchema>;

/** Cross-checks against the catalog: every id must exist (a typo would silently produce an empty report). */
export function reportSettingsIssues(s: ReportSettings, c: Catalog): string[] {
  const issues: string[] = [];
  const competencies = new Set(c.competencies.map((x) => x.id));
  const services = new Set(c.services.map((x) => x.id));
  if (services.has(UNASSIGNED_SERVICE))
    issues.push(`'${UNASSIGNED_SERVICE}' is reserved: no service may use it`);
  if (!c.modules.some((m) => m.id === s.mandatoryEntryModuleId))
    issues.push(`mandatoryEntryModuleId: unknown module '${s.mandatoryEntryModuleId}'`);
  const checkTargets = (where: string, targets: CoverageTarget[]) => {
    const seen = new Set<string>();
    for (const t of targets) {
      if (!competencies.has(t.competencyId)) issues.push(`${where}: unknown competency '${t.competencyId}'`);
      if (seen.has(t.competencyId)) issues.push(`${where}: competency '${t.competencyId}' appears twice`);
      seen.add(t.competencyId);
    }
  };
  checkTargets('coverageTargets.default', s.coverageTargets.default);
  for (const [svc, targets] of Object.entries(s.coverageTargets.byService)) {
    if (!services.has(svc)) issues.push(`coverageTargets.byService: unknown service '${svc}'`);
    checkTargets(`coverageTargets.byService.${svc}`, targets);
  }
  const ids = new Set<string>();
  for (const r of s.monthlySummary.recipients) {
    if (ids.has(r.id)) issues.push(`monthlySummary.recipients: duplicate id '${r.id}'`);
    ids.add(r.id);
    for (const svc of r.services)
      if (!services.has(svc)) issues.push(`monthlySummary.recipients.${r.id}: unknown service '${svc}'`);
  }
  return issues;
}

export function parseReportSettings(input: unknown, c: Catalog): ReportSettings {
  const settings = parseContent(reportSettingsSchema, input, 'reports.json');
  const cross = reportSettingsIssues(settings, c);
  if (cross.length) throw new Error(`content/reports.json is invalid:\n${cross.join('\n')}`);
  return settings;
}

export const reportSettings: () => ReportSettings = perRevision((s) =>
  parseReportSettings(s.reports, catalog()),
);

/** The targets that apply to a service: its own list when it has one, else the default list. */
export function targetsFor(settings: ReportSettings, serviceId: string): CoverageTarget[] {
  return settings.coverageTargets.byService[serviceId] ?? settings.coverageTargets.default;
}
