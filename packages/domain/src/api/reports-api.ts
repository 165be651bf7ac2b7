import { z } from 'zod';
import { COMPETENCY_LEVELS, competencyLevel, kebabId } from '../content/schemas.ts';
import { ENROLMENT_STATUSES, userId } from './sessions-api.ts';

/**
 * HR reports (docs/reports.md): agents (competencies with evidence), services (competency × level matrix with
 * coverage and the mandatory entry module), paths per period (enrolments, completions, attendance, no-shows,
 * satisfaction), and exports (CSV for French Excel, or JSON) built in parts below the 6 MB response limit.
 */

/** `service=drfip,ars` (repeated `service` parameters arrive comma-joined). */
const serviceList = z
  .string()
  .max(1000)
  .regex(/^[a-z0-9-]+(,[a-z0-9-]+)*$/, 'a comma-separated list of service ids');
const day = z.iso.date();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM');
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
export const reportFormat = z.enum(['json', 'csv']);
const cursor = z
  .string()
  .max(2048)
  .regex(/^[A-Za-z0-9_-]+$/);
export const AGENT_SORTS = ['name', '-name', 'activity', '-activity'] as const;

const periodOk = (q: { from?: string | undefined; to?: string | undefined }) =>
  !q.from || !q.to || q.from <= q.to;
const periodIssue = { message: '`from` must not be after `to`', path: ['from'] };

const agentFilterShape = {
  /** Services (default: all those in the caller's scope). */
  service: serviceList.optional(),
  /** Agents who joined or enrolled in this path. */
  path: kebabId.optional(),
  /** Agents holding this competency… */
  competency: kebabId.optional(),
  /** …at least at this level (alone: any competency at this level). */
  minLevel: competencyLevel.optional(),
  /** Agents who completed a module in this period (Paris calendar days, inclusive). */
  from: day.optional(),
  to: day.optional(),
  /** Only agents who have not completed the mandatory entry module (sorted by name). */
  missingEntry: flag.optional(),
};
export const agentFilters = z.strictObject(agentFilterShape).refine(periodOk, periodIssue);
export type AgentFiltersInput = z.infer<typeof agentFilters>;

export const agentsQuery = z
  .strictObject({
    ...agentFilterShape,
    /** `name` or `activity` (last learning activity), `-` for descending. Default `name`. */
    sort: z.enum(AGENT_SORTS).optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
    cursor: cursor.optional(),
    /** `csv`: this page as a CSV file for French Excel (the next cursor in the `x-next-cursor` header). */
    format: reportFormat.optional(),
  })
  .refine(periodOk, periodIssue);

export const agentParams = z.strictObject({ id: userId });

const pathStatusView = z.object({
  pathId: z.string(),
  status: z.enum(['completed', 'in-progress', 'not-started']),
  joinedAt: z.string().optional(),
  entryModule: z.enum(['completed', 'enrolled', 'waitlisted', 'not-started']),
  electivesCompleted: z.number().int(),
  electivesRequired: z.number().int(),
  completedAt: z.string().optional(),
});

const agentRowShape = {
  learnerId: z.string(),
  name: z.string(),
  email: z.string().optional(),
  service: z.string(),
  competencies: z.array(z.object({ competencyId: z.string(), level: z.enum(COMPETENCY_LEVELS) })),
  modulesCompleted: z.array(z.object({ moduleId: z.string(), completedAt: z.string() })),
  sessions: z.object({
    attended: z.number().int(),
    partial: z.number().int(),
    noShow: z.number().int(),
    upcoming: z.number().int(),
    waitlisted: z.number().int(),
    cancelled: z.number().int(),
  }),
  paths: z.array(pathStatusView),
  entryModuleCompleted: z.boolean(),
  lastActivity: z.string().optional(),
};
export const agentRowView = z.object(agentRowShape).meta({ id: 'AgentReportRow' });
export const agentList = z
  .object({ items: z.array(agentRowView), nextCursor: z.string().optional() })
  .meta({ id: 'AgentReportPage' });
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
        pathId: z.string().optional(),
        status: z.enum(ENROLMENT_STATUSES),
        start: z.string(),
      }),
    ),
  })
  .meta({ id: 'AgentReport' });

// --- services ----------------------------------------------------------------------------------------------------

const serviceFilterShape = { service: serviceList.optional(), competency: kebabId.optional() };
export const serviceFilters = z.strictObject(serviceFilterShape);
export const servicesQuery = z.strictObject({ ...serviceFilterShape, format: reportFormat.optional() });

const levelCounts = z.object(Object.fromEntries(COMPETENCY_LEVELS.map((l) => [l, z.number().int()])));
export const serviceMatrixView = z
  .object({
    serviceId: z.string(),
    serviceName: z.string(),
    agents: z.number().int(),
    entryModule: z.object({
      moduleId: z.string(),
      completed: z.number().int(),
      missing: z.number().int(),
      rate: z.number().nullable(),
    }),
    competencies: z.array(
      z.object({
        competencyId: z.string(),
        levels: levelCounts,
        atLeast: levelCounts,
        target: z
          .object({ level: z.enum(COMPETENCY_LEVELS), share: z.number(), agentsRequired: z.number().int() })
          .optional(),
        coverage: z
          .object({
            agents: z.number().int(),
            rate: z.number().nullable(),
            met: z.boolean(),
            missingAgents: z.number().int(),
          })
          .optional(),
      }),
    ),
    /** The first agents (by name) still missing the entry module; the full list: `/reports/agents?missingEntry=true`. */
    missingEntryAgents: z.array(z.object({ learnerId: z.string(), name: z.string() })),
  })
  .meta({ id: 'ServiceCompetencyMatrix' });
export const servicesReport = z
  .object({
    items: z.array(serviceMatrixView),
    /** Every service in scope together (default targets). */
    total: serviceMatrixView,
  })
  .meta({ id: 'ServicesReport' });

// --- paths per period --------------------------------------------------------------------------------------------

const pathFilterShape = {
  path: kebabId.optional(),
  service: serviceList.optional(),
  /** First and last month (Paris time, by session start); default: the last 12 months. */
  from: month.optional(),
  to: month.optional(),
  /** One row per path and month (default), or one per path for the whole period. */
  granularity: z.enum(['month', 'total']).optional(),
};
export const pathFilters = z.strictObject(pathFilterShape).refine(periodOk, periodIssue);
export const pathsQuery = z
  .strictObject({
    ...pathFilterShape,
    limit: z.coerce.number().int().min(1).max(1000).optional(),
    cursor: cursor.optional(),
    format: reportFormat.optional(),
  })
  .refine(periodOk, periodIssue);

const rateValue = z.number().nullable();
export const pathPeriodView = z
  .object({
    pathId: z.string(),
    /** The month, or absent for a `total` row covering `from`–`to`. */
    month: z.string().optional(),
    from: z.string(),
    to: z.string(),
    enrolments: z.number().int(),
    upcoming: z.number().int(),
    waitlisted: z.number().int(),
    cancelled: z.number().int(),
    sessionCancelled: z.number().int(),
    completions: z.number().int(),
    partial: z.number().int(),
    noShow: z.number().int(),
    attendanceRate: rateValue,
    noShowRate: rateValue,
    pathCompletions: z.number().int(),
    satisfaction: z.object({
      responses: z.number().int(),
      average: rateValue,
      distribution: z.array(z.number().int()),
      recommendRate: rateValue,
      byLeadKind: z.record(z.string(), z.object({ responses: z.number().int(), average: rateValue })),
      /** Responses are anonymous: satisfaction covers every service, whatever the service filter. */
      scope: z.literal('all-services'),
    }),
  })
  .meta({ id: 'PathPeriodStats' });
export const pathsReport = z
  .object({
    items: z.array(pathPeriodView),
    services: z.array(z.string()),
    nextCursor: z.string().optional(),
  })
  .meta({ id: 'PathsReport' });

// --- exports -----------------------------------------------------------------------------------------------------

const partsPerCall = z.number().int().min(1).max(10_000).optional();
/** Smaller parts than the default (content/reports.json `exports.partMaxBytes`), e.g. for slow connections. */
const partBytes = z.number().int().min(1_000).max(5_000_000).optional();
export const createExportBody = z.discriminatedUnion('report', [
  z.strictObject({
    report: z.literal('agents'),
    format: reportFormat,
    filters: agentFilters.optional(),
    sort: z.enum(AGENT_SORTS).optional(),
    /** Stop after this many parts (continue with `POST /reports/exports/{id}/continue`); default: as time allows. */
    partsPerCall,
    partBytes,
  }),
  z.strictObject({
    report: z.literal('services'),
    format: reportFormat,
    filters: serviceFilters.optional(),
    partsPerCall,
    partBytes,
  }),
  z.strictObject({
    report: z.literal('paths'),
    format: reportFormat,
    filters: pathFilters.optional(),
    partsPerCall,
    partBytes,
  }),
]);
export type CreateExportInput = z.infer<typeof createExportBody>;

const exportId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'invalid export id');
export const exportParams = z.strictObject({ id: exportId });
export const exportPartParams = z.strictObject({
  id: exportId,
  part: z.coerce.number().int().min(1).max(100_000),
});

export const exportView = z
  .object({
    id: z.string(),
    report: z.enum(['agents', 'services', 'paths']),
    format: reportFormat,
    /** `running`: more to build (`continueUrl`); `ready`: every part can be downloaded. */
    status: z.enum(['running', 'ready']),
    rows: z.number().int(),
    bytes: z.number().int(),
    /** Download the parts in order and concatenate them: the result is the file (one BOM, one header). */
    parts: z.array(
      z.object({ part: z.number().int(), rows: z.number().int(), bytes: z.number().int(), url: z.string() }),
    ),
    continueUrl: z.string().optional(),
    fileName: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'ReportExport' });
