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

export const auditQuery = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must be YYYY-MM')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(1024).optional(),
});
export const auditList = z
  .object({
    items: z.array(
      z.object({
        at: z.string(),
        actor: z.string(),
        entity: z.string(),
        entityId: z.string(),
        action: z.string(),
        changed: z.array(z.string()),
      }),
    ),
    nextCursor: z.string().optional(),
  })
  .meta({ id: 'AuditLog' });

export const personIdParams = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9_.@-]+$/),
});
export const personalDataExport = z
  .object({
    userId: z.string(),
    exportedAt: z.string(),
    profile: z.unknown(),
    pathMemberships: z.array(z.unknown()),
    enrolments: z.array(z.unknown()),
    completions: z.array(z.unknown()),
    other: z.record(z.string(), z.array(z.unknown())),
    notifications: z.array(z.unknown()),
    xapiStatements: z.array(z.unknown()),
  })
  .meta({ id: 'PersonalDataExport' });

export const erasureBody = z.strictObject({ reason: z.string().max(500).optional() });
export const erasureResult = z
  .object({ erasureId: z.string(), status: z.literal('done'), counts: z.record(z.string(), z.number()) })
  .meta({ id: 'ErasureResult' });
