import * as z from 'zod/mini';
import '../zod-locale.ts';

/**
 * Schemas of everything under `content/`. Content is data, validated at load time (tests validate every file,
 * and each Lambda validates its bundled copy at cold start, failing loudly on a bad deploy).
 */

/** Stable kebab-case ids: they end up in table keys, so they must never change once published. */
export const kebabId = z
  .string()
  .check(
    z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id (a-z, 0-9, single dashes)'),
    z.maxLength(64),
  );

/** French first; English available. */
export const localizedText = z.strictObject({
  fr: z.string().check(z.minLength(1)),
  en: z.string().check(z.minLength(1)),
});
export type LocalizedText = z.infer<typeof localizedText>;

/**
 * Archived items stay readable (past sessions, reports and histories name them) but can no longer be scheduled,
 * booked or put in a path. Items are archived, not deleted, once anything refers to them.
 */
const archived = z._default(z.boolean(), false);

export const COMPETENCY_LEVELS = ['discover', 'practise', 'master', 'can-teach'] as const;
export const competencyLevel = z.enum(COMPETENCY_LEVELS);
export type CompetencyLevel = z.infer<typeof competencyLevel>;

export function levelRank(level: CompetencyLevel): number {
  return COMPETENCY_LEVELS.indexOf(level);
}

export const competencySchema = z.strictObject({
  id: kebabId,
  title: localizedText,
  description: localizedText,
  levels: z.strictObject({
    discover: localizedText,
    practise: localizedText,
    master: localizedText,
    'can-teach': localizedText,
  }),
  archived,
});
export type Competency = z.infer<typeof competencySchema>;

export const practiceSheetSchema = z.strictObject({
  id: kebabId,
  title: localizedText,
  summary: localizedText,
});

export const moduleSchema = z.strictObject({
  id: kebabId,
  title: localizedText,
  summary: localizedText,
  theme: z.enum([
    'collective-intelligence',
    'design',
    'creativity',
    'communication',
    'facilitation',
    'coaching',
  ]),
  /** Total duration in minutes; the programme's format is 90 (a short theory part, a long practice part). */
  durationMinutes: z.int().check(z.positive(), z.lte(8 * 60)),
  theoryMinutes: z.int().check(z.nonnegative()),
  practiceMinutes: z.int().check(z.nonnegative()),
  objectives: z.array(localizedText).check(z.minLength(1)),
  competencies: z
    .array(z.strictObject({ competencyId: kebabId, level: competencyLevel }))
    .check(z.minLength(1)),
  prerequisites: z._default(z.array(kebabId), []),
  practiceSheets: z._default(z.array(practiceSheetSchema), []),
  archived,
});
export type Module = z.infer<typeof moduleSchema>;

export const pathSchema = z.strictObject({
  id: kebabId,
  title: localizedText,
  summary: localizedText,
  audience: localizedText,
  /** The mandatory module every learner of the path takes first. */
  entryModuleId: kebabId,
  electiveModuleIds: z.array(kebabId).check(z.minLength(1)),
  /** N-of-M rule: how many electives complete the path. */
  electivesRequired: z.int().check(z.positive()),
  /** A module dedicated to coaching newcomers who join mid-way, if the path has one. */
  coachModuleId: z.optional(kebabId),
  /** Learners may not cancel themselves later than this many hours before the start. */
  cancellationCutoffHours: z._default(z.int().check(z.nonnegative()), 48),
  /** Trainers may take attendance from the start until this many days after the end. */
  attendanceWindowDays: z._default(z.int().check(z.positive()), 7),
  /** When the cohort started: joining later makes a learner a newcomer who gets a catch-up plan. */
  cohortStart: z.optional(z.iso.date()),
  archived,
});
export type Path = z.infer<typeof pathSchema>;

export const siteSchema = z.strictObject({
  id: kebabId,
  name: z.string().check(z.minLength(1)),
  city: z.string().check(z.minLength(1)),
  /** Postal address, as printed on convocations. */
  address: z.optional(z.string().check(z.minLength(1), z.maxLength(300))),
  /** Access for people with disabilities (lift, induction loop…), shown to learners before they book. */
  accessibility: z.optional(z.string().check(z.minLength(1), z.maxLength(1000))),
  remote: z._default(z.boolean(), false),
  rooms: z.array(
    z.strictObject({
      id: kebabId,
      name: z.string().check(z.minLength(1)),
      capacity: z.int().check(z.positive()),
    }),
  ),
  archived,
});
export type Site = z.infer<typeof siteSchema>;

/**
 * How an agent's ProConnect identity names their service: the SIRET of their establishment, and when one
 * establishment hosts several services, the organisational unit too. An agent signing in for the first time gets
 * the service whose identifier matches (packages/domain/src/people/service-mapping.ts).
 */
export const serviceIdentifierSchema = z.strictObject({
  siret: z.string().check(z.regex(/^\d{14}$/, 'must be a SIRET (14 digits)')),
  organizationalUnit: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});
export type ServiceIdentifier = z.infer<typeof serviceIdentifierSchema>;

export const serviceSchema = z.strictObject({
  id: kebabId,
  name: z.string().check(z.minLength(1)),
  description: localizedText,
  identifiers: z._default(z.array(serviceIdentifierSchema).check(z.maxLength(50)), []),
  archived,
});
export type Service = z.infer<typeof serviceSchema>;

const localizedTemplate = z.strictObject({
  subject: z.string().check(z.minLength(1)),
  text: z.string().check(z.minLength(1)),
  html: z.string().check(z.minLength(1)),
});
export const emailTemplateSchema = z.strictObject({
  id: kebabId,
  /** Essential messages (cancellations, moves) ignore the learner's opt-out of reminders. */
  essential: z.boolean(),
  fr: localizedTemplate,
  en: localizedTemplate,
});
export type EmailTemplate = z.infer<typeof emailTemplateSchema>;

export const catalogSchema = z
  .strictObject({
    competencies: z.array(competencySchema).check(z.minLength(1)),
    modules: z.array(moduleSchema).check(z.minLength(1)),
    paths: z.array(pathSchema).check(z.minLength(1)),
    sites: z.array(siteSchema).check(z.minLength(1)),
    services: z.array(serviceSchema).check(z.minLength(1)),
  })
  .check(
    z.superRefine((c, ctx) => {
      const unique = (kind: string, ids: string[]) => {
        const seen = new Set<string>();
        for (const id of ids) {
          if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `duplicate ${kind} id '${id}'` });
          seen.add(id);
        }
        return seen;
      };
      const competencies = unique(
        'competency',
        c.competencies.map((x) => x.id),
      );
      const modules = unique(
        'module',
        c.modules.map((x) => x.id),
      );
      unique(
        'path',
        c.paths.map((x) => x.id),
      );
      unique(
        'site',
        c.sites.map((x) => x.id),
      );
      unique(
        'service',
        c.services.map((x) => x.id),
      );
      for (const m of c.modules) {
        if (m.theoryMinutes + m.practiceMinutes !== m.durationMinutes)
          ctx.addIssue({
            code: 'custom',
            message: `module '${m.id}': theory + practice must equal duration`,
          });
        for (const g of m.competencies)
          if (!competencies.has(g.competencyId))
            ctx.addIssue({
              code: 'custom',
              message: `module '${m.id}': unknown competency '${g.competencyId}'`,
            });
        for (const p of m.prerequisites)
          if (!modules.has(p))
            ctx.addIssue({ code: 'custom', message: `module '${m.id}': unknown prerequisite '${p}'` });
      }
      const archivedModules = new Set(c.modules.filter((m) => m.archived).map((m) => m.id));
      for (const p of c.paths) {
        const refs = [p.entryModuleId, ...p.electiveModuleIds, ...(p.coachModuleId ? [p.coachModuleId] : [])];
        for (const id of refs) {
          if (!modules.has(id))
            ctx.addIssue({ code: 'custom', message: `path '${p.id}': unknown module '${id}'` });
          else if (!p.archived && archivedModules.has(id))
            ctx.addIssue({ code: 'custom', message: `path '${p.id}': module '${id}' is archived` });
        }
        if (p.electiveModuleIds.includes(p.entryModuleId))
          ctx.addIssue({
            code: 'custom',
            message: `path '${p.id}': the entry module cannot also be an elective`,
          });
        if (p.electivesRequired > p.electiveModuleIds.length)
          ctx.addIssue({
            code: 'custom',
            message: `path '${p.id}': electivesRequired exceeds the number of electives`,
          });
      }
    }),
  );
export type Catalog = z.infer<typeof catalogSchema>;
