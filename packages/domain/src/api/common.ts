import { z } from 'zod';
import { kebabId } from '../content/schemas.ts';

export const idParams = z.strictObject({ id: kebabId });
export const opaqueIdParams = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/),
});
export const noQuery = z.strictObject({});

export const errorBodySchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .meta({ id: 'Error' });
