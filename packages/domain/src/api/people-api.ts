/** The people the lab manages: who they are, their service, the roles it grants (routes `/people…`). */
import * as z from 'zod/mini';
import { kebabId } from '../content/schemas.ts';

const role = z.enum(['learner', 'trainer', 'hr', 'lab']);

export const identityView = z.object({
  email: z.optional(z.string()),
  givenName: z.optional(z.string()),
  familyName: z.optional(z.string()),
  uid: z.optional(z.string()),
  siret: z.optional(z.string()),
  organizationalUnit: z.optional(z.string()),
});

export const personView = z.object({
  userId: z.string(),
  displayName: z.string(),
  provider: z.enum(['proconnect', 'pool']),
  identity: identityView,
  roles: z.array(role),
  hrServices: z.array(z.string()),
  service: z.optional(z.string()),
  /** `to-be-assigned` when no service of the catalogue matched the identity and the lab has not chosen one. */
  serviceStatus: z.enum(['assigned', 'to-be-assigned']),
  serviceSource: z.optional(z.enum(['claims', 'lab'])),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  /** Send it back with a change: a change made meanwhile is refused (409 `stale-version`). */
  version: z.int(),
});

export const peopleListQuery = z.strictObject({
  /** Start of a given or family name, or of an e-mail address (case and accents ignored). */
  q: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  role: z.optional(role),
  service: z.optional(kebabId),
  /** `true`: only the people whose service is to be assigned. */
  unassigned: z.optional(z.enum(['true', 'false'])),
});

export const peopleList = z.object({ items: z.array(personView) });

export const personPage = z.object({
  person: personView,
  paths: z.array(z.object({ pathId: z.string(), joinedAt: z.string() })),
  /** Their entry in the trainer registry, when they have one. */
  trainer: z.optional(
    z.object({
      kind: z.string(),
      active: z.boolean(),
      modules: z.array(z.string()),
    }),
  ),
});

export const rolesBody = z.strictObject({
  /** The whole set of granted roles: `["trainer"]` grants trainer and revokes hr and lab (learner is kept as is). */
  roles: z.array(z.enum(['trainer', 'hr', 'lab'])).check(z.maxLength(3)),
  /** With `hr` only: the services whose people they may see. */
  hrServices: z._default(z.array(kebabId).check(z.maxLength(100)), []),
  version: z.int().check(z.minimum(1)),
});

export const serviceBody = z.strictObject({
  service: kebabId,
  version: z.int().check(z.minimum(1)),
});

/** `POST /me/sign-in`: who the token says I am, provisioned on first sign-in. */
export const signInView = z.object({
  person: personView,
  /**
   * The roles or scope the token carries differ from the stored ones (first sign-in, a role granted or revoked
   * since): refresh the token to act with the current ones.
   */
  refreshToken: z.boolean(),
});
