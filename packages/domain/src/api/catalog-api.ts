import * as z from 'zod/mini';
import { moduleSchema, pathSchema, siteSchema } from '../content/schemas.ts';
import '../zod-locale.ts';

export const moduleView = moduleSchema.check(z.meta({ id: 'Module' }));
export const pathView = pathSchema.check(z.meta({ id: 'Path' }));
export const siteView = siteSchema.check(z.meta({ id: 'Site' }));
export const moduleList = z.object({ items: z.array(moduleView) });
export const pathList = z.object({ items: z.array(pathView) });
export const siteList = z.object({ items: z.array(siteView) });
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
