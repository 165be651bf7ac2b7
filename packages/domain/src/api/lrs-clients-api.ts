import { z } from 'zod';

/** LRS client credentials, managed by the lab (issue 8). The secret appears in create and rotate answers only. */

export const LRS_SCOPE_VALUES = [
  'statements/write',
  'statements/read',
  'statements/read/mine',
  'state',
  'define',
  'profile',
  'all/read',
  'all',
] as const;

export const createLrsClientBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  /** Communication 4.2 scopes; default `statements/write` + `statements/read/mine` (4.2.s6.b2). */
  scopes: z.array(z.enum(LRS_SCOPE_VALUES)).min(1).max(LRS_SCOPE_VALUES.length).optional(),
  /** Optional expiry (ISO 8601 with a time zone). */
  validUntil: z.iso.datetime({ offset: true }).optional(),
});

export const lrsClientKeyParams = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});

export const lrsClientView = z
  .object({
    key: z.string(),
    name: z.string(),
    scopes: z.array(z.string()),
    createdAt: z.string(),
    createdBy: z.string(),
    validUntil: z.string().optional(),
    rotatedAt: z.string().optional(),
    revokedAt: z.string().optional(),
    status: z.enum(['active', 'expired', 'revoked']),
  })
  .meta({ id: 'LrsClient' });

export const lrsClientWithSecret = lrsClientView
  .extend({ secret: z.string().describe('Shown once: store it now, it cannot be read again') })
  .meta({ id: 'LrsClientWithSecret' });

export const lrsClientList = z.object({ items: z.array(lrsClientView) }).meta({ id: 'LrsClientList' });
