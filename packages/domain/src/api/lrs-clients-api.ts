import * as z from 'zod/mini';
import '../zod-locale.ts';

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
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  /** Communication 4.2 scopes; default `statements/write` + `statements/read/mine` (4.2.s6.b2). */
  scopes: z.optional(
    z.array(z.enum(LRS_SCOPE_VALUES)).check(z.minLength(1), z.maxLength(LRS_SCOPE_VALUES.length)),
  ),
  /** Optional expiry (ISO 8601 with a time zone). */
  validUntil: z.optional(z.iso.datetime({ offset: true })),
});

export const lrsClientKeyParams = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/)),
});

// Extended below without its metadata: a `z.meta` check travels with `z.extend`, and would give the extended schema
// the `LrsClient` id too.
const lrsClient = z.object({
  key: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  createdBy: z.string(),
  validUntil: z.optional(z.string()),
  rotatedAt: z.optional(z.string()),
  revokedAt: z.optional(z.string()),
  status: z.enum(['active', 'expired', 'revoked']),
});
export const lrsClientView = lrsClient.check(z.meta({ id: 'LrsClient' }));

export const lrsClientWithSecret = z
  .extend(lrsClient, {
    secret: z.string().check(z.describe('Shown once: store it now, it cannot be read again')),
  })
  .check(z.meta({ id: 'LrsClientWithSecret' }));

export const lrsClientList = z
  .object({ items: z.array(lrsClientView) })
  .check(z.meta({ id: 'LrsClientList' }));
