import { z } from 'zod';
import { moduleSchema, pathSchema, siteSchema } from '../content/schemas.ts';

export const moduleView = moduleSchema.meta({ id: 'Module' });
export const pathView = pathSchema.meta({ id: 'Path' });
export const siteView = siteSchema.meta({ id: 'Site' });
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
  email: z.string().optional(),
  service: z.string().optional(),
  hrServices: z.array(z.string()).optional(),
  locale: z.enum(['fr', 'en']),
});
