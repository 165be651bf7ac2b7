import { z } from 'zod';
import { moduleSchema, pathSchema, siteSchema } from '../content/schemas.ts';

export const moduleView = moduleSchema.meta({ id: 'Module' });
export const pathView = pathSchema.meta({ id: 'Path' });
export const siteView = siteSchema.meta({ id: 'Site' });
export const moduleList = z.object({ items: z.array(moduleView) });
export const pathList = z.object({ items: z.array(pathView) });
export const siteList = z.object({ items: z.array(siteView) });
export const healthView = z.object({
  status: z.literal('ok'),
  time: z.string(),
  table: z.enum(['ok', 'unreachable']),
});
export const meView = z.object({
  userId: z.string(),
  roles: z.array(z.enum(['learner', 'trainer', 'hr', 'lab'])),
  email: z.string().optional(),
  service: z.string().optional(),
  hrServices: z.array(z.string()).optional(),
  locale: z.enum(['fr', 'en']),
});
