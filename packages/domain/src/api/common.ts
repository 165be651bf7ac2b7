import * as z from 'zod/mini';
import { kebabId } from '../content/schemas.ts';
import '../zod-locale.ts';

export const idParams = z.strictObject({ id: kebabId });
export const opaqueIdParams = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[A-Za-z0-9_-]+$/)),
});
export const noQuery = z.strictObject({});

export const errorBodySchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.optional(z.unknown()) }),
  })
  .check(z.meta({ id: 'Error' }));

export const auditQuery = z.strictObject({
  month: z.optional(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must be YYYY-MM'))),
  // `z.int()` as a check, not as the base schema: the base must stay `z.coerce.number()` (query strings are text).
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(500))),
  cursor: z.optional(z.string().check(z.maxLength(1024))),
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
    nextCursor: z.optional(z.string()),
  })
  .check(z.meta({ id: 'AuditLog' }));

export const personIdParams = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[A-Za-z0-9_.@-]+$/)),
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
  .check(z.meta({ id: 'PersonalDataExport' }));

export const erasureBody = z.strictObject({ reason: z.optional(z.string().check(z.maxLength(500))) });
export const erasureResult = z
  .object({ erasureId: z.string(), status: z.literal('done'), counts: z.record(z.string(), z.number()) })
  .check(z.meta({ id: 'ErasureResult' }));
