import * as z from 'zod/mini';
import { competencySchema, moduleSchema, pathSchema, serviceSchema, siteSchema } from '../content/schemas.ts';
import '../zod-locale.ts';

/** What every catalogue item carries besides its content: its version (optimistic concurrency) and last change. */
const itemMeta = {
  /** Send it back with an edit: a stale one gets 409 `stale-version`. */
  version: z.int().check(z.positive()),
  updatedAt: z.optional(z.string()),
  updatedBy: z.optional(z.string()),
};

/**
 * Each kind of catalogue item: its view (content + meta), list, creation body (the content; `archived` is only
 * changed by archive/restore) and edit body (the content + the version the form was loaded with).
 */
function kindSchemas<S extends z.ZodMiniObject>(schema: S, name: string) {
  const content = z.omit(schema, { archived: true } as never) as unknown as z.ZodMiniObject<
    Omit<S['shape'], 'archived'>
  >;
  const view = z.extend(schema, itemMeta).check(z.meta({ id: name }));
  return {
    view,
    list: z.object({ items: z.array(view) }),
    create: content,
    update: z.extend(content, { version: itemMeta.version }),
  };
}

export const moduleSchemas = kindSchemas(moduleSchema, 'Module');
export const pathSchemas = kindSchemas(pathSchema, 'Path');
export const siteSchemas = kindSchemas(siteSchema, 'Site');
export const competencySchemas = kindSchemas(competencySchema, 'Competency');
export const serviceSchemas = kindSchemas(serviceSchema, 'Service');

export const moduleView = moduleSchemas.view;
export const pathView = pathSchemas.view;
export const siteView = siteSchemas.view;
export const moduleList = moduleSchemas.list;
export const pathList = pathSchemas.list;
export const siteList = siteSchemas.list;

/** Archive, restore: the version the lab saw. */
export const versionBody = z.strictObject({ version: itemMeta.version });
/** DELETE's version travels in the query string (text). */
export const versionQuery = z.strictObject({
  version: z.coerce.number().check(z.int(), z.positive()),
});

export const catalogHistoryView = z.object({
  items: z.array(
    z.object({
      version: z.number(),
      at: z.string(),
      by: z.string(),
      action: z.enum(['created', 'updated', 'archived', 'restored', 'deleted']),
      changes: z.array(
        z.object({ field: z.string(), before: z.optional(z.unknown()), after: z.optional(z.unknown()) }),
      ),
    }),
  ),
});
const dependencyStatus = z.enum(['ok', 'down']);
/**
 * `ok`: everything answers (200). `degraded`: the API works but mail is down — messages wait and go out once it is
 * back (200). `down`: the database does not answer, so nothing works (503).
 */
export const healthView = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  time: z.string(),
  dependencies: z.object({ database: dependencyStatus, mail: dependencyStatus }),
});
export const meView = z.object({
  userId: z.string(),
  roles: z.array(z.enum(['learner', 'trainer', 'hr', 'lab'])),
  email: z.optional(z.string()),
  service: z.optional(z.string()),
  hrServices: z.optional(z.array(z.string())),
  locale: z.enum(['fr', 'en']),
});
