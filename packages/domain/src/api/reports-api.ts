import * as z from 'zod/mini';
import { COMPETENCY_LEVELS, competencyLevel, kebabId } from '../content/schemas.ts';
import '../zod-locale.ts';
import { ENROLMENT_STATUSES, userId } from './sessions-api.ts';

/**
 * HR reports (docs/reports.md): agents (competencies with evidence), services (competency × level matrix with
 * coverage and the mandatory entry module), paths per period (enrolments, completions, attendance, no-shows,
 * satisfaction), and exports (CSV for French Excel, or JSON) built in parts below the 6 MB response limit.
 */

/** `service=drfip,ars` (repeated `service` parameters arrive comma-joined). */
const serviceList = z
  .string()
  .check(z.maxLength(1000), z.regex(/^[a-z0-9-]+(,[a-z0-9-]+)*$/, 'a comma-separated list of service ids'));
const day = z.iso.date();
const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM'));
const flag = z.union([
  z.boolean(),
  z.pipe(
    z.enum(['true', 'false']),
    z.transform((v: 'true' | 'false') => v === 'true'),
  ),
]);
export const reportFormat = z.enum(['json', 'csv']);
const cursor = z.string().check(z.maxLength(2048), z.regex(/^[A-Za-z0-9_-]+$/));
export const AGENT_SORTS = ['name', '-name', 'activity', '-activity'] as const;

const periodOk = (q: { from?: string | undefined; to?: string | undefined }) =>
  !q.from || !q.to || q.from <= q.to;
const periodIssue = { message: '`from` must not be after `to`', path: ['from'] };

const agentFilterShape = {
  /** Services (default: all those in the caller's scope). */
  service: z.optional(serviceList),
  /** Agents who joined or enrolled in this path. */
  path: z.optional(kebabId),
  /** Agents holding this competency… */
  competency: z.optional(kebabId),
  /** …at least at this level (alone: any competency at this level). */
  minLevel: z.optional(competencyLevel),
  /** Agents who completed a module in this period (Paris calendar days, inclusive). */
  from: z.optional(day),
  to: z.optional(day),
  /** Only agents who have not completed the mandatory entry module (sorted by name). */
  missingEntry: z.optional(flag),
};
export const agentFilters = z.strictObject(agentFilterShape).check(z.refine(periodOk, periodIssue));
export type AgentFiltersInput = z.infer<typeof agentFilters>;

export const agentsQuery = z
  .strictObject({
    ...agentFilterShape,
    /** `name` or `activity` (last learning activity), `-` for descending. Default `name`. */
    sort: z.optional(z.enum(AGENT_SORTS)),
    // `z.int()` as a check, not as the base schema: the base must stay `z.coerce.number()` (query strings are text).
    limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(1000))),
    cursor: z.optional(cursor),
    /** `csv`: this page as a CSV file for French Excel (the next cursor in the `x-next-cursor` header). */
    format: z.optional(reportFormat),
  })
  .check(z.refine(periodOk, periodIssue));

export const agentParams = z.strictObject({ id: userId });

const pathStatusView = z.object({
  pathId: z.string(),
  status: z.enum(['completed', 'in-progress', 'not-started']),
  joinedAt: z.optional(z.string()),
  entryModule: z.enum(['completed', 'enrolled', 'waitlisted', 'not-started']),
  electivesCompleted: z.int(),
  electivesRequired: z.int(),
  completedAt: z.optional(z.string()),
});

const agentRowShape = {
  learnerId: z.string(),
  name: z.string(),
  email: z.optional(z.string()),
  service: z.string(),
  competencies: z.array(z.object({ competencyId: z.string(), level: z.enum(COMPETENCY_LEVELS) })),
  modulesCompleted: z.array(z.object({ moduleId: z.string(), completedAt: z.string() })),
  sessions: z.object({
    attended: z.int(),
    partial: z.int(),
    noShow: z.int(),
    upcoming: z.int(),
    waitlisted: z.int(),
    cancelled: z.int(),
  }),
  paths: z.array(pathStatusView),
  entryModuleCompleted: z.boolean(),
  lastActivity: z.optional(z.string()),
};
export const agentRowView = z.object(agentRowShape).check(z.meta({ id: 'AgentReportRow' }));
export const agentList = z
  .object({ items: z.array(agentRowView), nextCursor: z.optional(z.string()) })
  .check(z.meta({ id: 'AgentReportPage' }));
export const agentDetailView = z
  .object({
    ...agentRowShape,
    competencies: z.array(
      z.object({
        competencyId: z.string(),
        level: z.enum(COMPETENCY_LEVELS),
        evidence: z.array(z.object({ moduleId: z.string(), sessionId: z.string(), completedAt: z.string() })),
      }),
    ),
    sessionHistory: z.array(
      z.object({
        sessionId: z.string(),
        moduleId: z.string(),
        pathId: z.optional(z.string()),
        status: z.enum(ENROLMENT_STATUSES),
        start: z.string(),
      }),
    ),
  })
  .check(z.meta({ id: 'AgentReport' }));

// --- services ----------------------------------------------------------------------------------------------------

const serviceFilterShape = { service: z.optional(serviceList), competency: z.optional(kebabId) };
export const serviceFilters = z.strictObject(serviceFilterShape);
export const servicesQuery = z.strictObject({ ...serviceFilterShape, format: z.optional(reportFormat) });

const levelCounts = z.object(Object.fromEntries(COMPETENCY_LEVELS.map((l) => [l, z.int()])));
export const serviceMatrixView = z
  .object({
    serviceId: z.string(),
    serviceName: z.string(),
    agents: z.int(),
    entryModule: z.object({
      moduleId: z.string(),
      completed: z.int(),
      missing: z.int(),
      rate: z.nullable(z.number()),
    }),
    competencies: z.array(
      z.object({
        competencyId: z.string(),
        levels: levelCounts,
        atLeast: levelCounts,
        target: z.optional(
          z.object({ level: z.enum(COMPETENCY_LEVELS), share: z.number(), agentsRequired: z.int() }),
        ),
        coverage: z.optional(
          z.object({
            agents: z.int(),
            rate: z.nullable(z.number()),
            met: z.boolean(),
            missingAgents: z.int(),
          }),
        ),
      }),
    ),
    /** The first agents (by name) still missing the entry module; the full list: `/reports/agents?missingEntry=true`. */
    missingEntryAgents: z.array(z.object({ learnerId: z.string(), name: z.string() })),
  })
  .check(z.meta({ id: 'ServiceCompetencyMatrix' }));
export const servicesReport = z
  .object({
    items: z.array(serviceMatrixView),
    /** Every service in scope together (default targets). */
    total: serviceMatrixView,
  })
  .check(z.meta({ id: 'ServicesReport' }));

// --- paths per period --------------------------------------------------------------------------------------------

const pathFilterShape = {
  path: z.optional(kebabId),
  service: z.optional(serviceList),
  /** First and last month (Paris time, by session start); default: the last 12 months. */
  from: z.optional(month),
  to: z.optional(month),
  /** One row per path and month (default), or one per path for the whole period. */
  granularity: z.optional(z.enum(['month', 'total'])),
};
export const pathFilters = z.strictObject(pathFilterShape).check(z.refine(periodOk, periodIssue));
export const pathsQuery = z
  .strictObject({
    ...pathFilterShape,
    limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(1000))),
    cursor: z.optional(cursor),
    format: z.optional(reportFormat),
  })
  .check(z.refine(periodOk, periodIssue));

const rateValue = z.nullable(z.number());
export const pathPeriodView = z
  .object({
    pathId: z.string(),
    /** The month, or absent for a `total` row covering `from`–`to`. */
    month: z.optional(z.string()),
    from: z.string(),
    to: z.string(),
    enrolments: z.int(),
    upcoming: z.int(),
    waitlisted: z.int(),
    cancelled: z.int(),
    sessionCancelled: z.int(),
    completions: z.int(),
    partial: z.int(),
    noShow: z.int(),
    attendanceRate: rateValue,
    noShowRate: rateValue,
    pathCompletions: z.int(),
    satisfaction: z.object({
      responses: z.int(),
      average: rateValue,
      distribution: z.array(z.int()),
      recommendRate: rateValue,
      byLeadKind: z.record(z.string(), z.object({ responses: z.int(), average: rateValue })),
      /** Responses are anonymous: satisfaction covers every service, whatever the service filter. */
      scope: z.literal('all-services'),
    }),
  })
  .check(z.meta({ id: 'PathPeriodStats' }));
export const pathsReport = z
  .object({
    items: z.array(pathPeriodView),
    services: z.array(z.string()),
    nextCursor: z.optional(z.string()),
  })
  .check(z.meta({ id: 'PathsReport' }));

// --- exports -----------------------------------------------------------------------------------------------------

const partsPerCall = z.optional(z.int().check(z.gte(1), z.lte(10_000)));
/** Smaller parts than the default (content/reports.json `exports.partMaxBytes`), e.g. for slow connections. */
const partBytes = z.optional(z.int().check(z.gte(1_000), z.lte(5_000_000)));
export const createExportBody = z.discriminatedUnion('report', [
  z.strictObject({
    report: z.literal('agents'),
    format: reportFormat,
    filters: z.optional(agentFilters),
    sort: z.optional(z.enum(AGENT_SORTS)),
    /** Stop after this many parts (continue with `POST /reports/exports/{id}/continue`); default: as time allows. */
    partsPerCall,
    partBytes,
  }),
  z.strictObject({
    report: z.literal('services'),
    format: reportFormat,
    filters: z.optional(serviceFilters),
    partsPerCall,
    partBytes,
  }),
  z.strictObject({
    report: z.literal('paths'),
    format: reportFormat,
    filters: z.optional(pathFilters),
    partsPerCall,
    partBytes,
  }),
]);
export type CreateExportInput = z.infer<typeof createExportBody>;

const exportId = z
  .string()
  .check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'invalid export id'));
export const exportParams = z.strictObject({ id: exportId });
export const exportPartParams = z.strictObject({
  id: exportId,
  // `z.int()` as a check, not as the base schema: the base must stay `z.coerce.number()` (path parameters are text).
  part: z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000)),
});

export const exportView = z
  .object({
    id: z.string(),
    report: z.enum(['agents', 'services', 'paths']),
    format: reportFormat,
    /** `running`: more to build (`continueUrl`); `ready`: every part can be downloaded. */
    status: z.enum(['running', 'ready']),
    rows: z.int(),
    bytes: z.int(),
    /** Download the parts in order and concatenate them: the result is the file (one BOM, one header). */
    parts: z.array(z.object({ part: z.int(), rows: z.int(), bytes: z.int(), url: z.string() })),
    continueUrl: z.optional(z.string()),
    fileName: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .check(z.meta({ id: 'ReportExport' }));
