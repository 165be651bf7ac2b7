/**
 * A person as the programme knows them: who they are (from their identity provider), which service they belong to,
 * and the roles the lab gave them. The table holds the truth (packages/store/src/person-repo.ts); the user pool's
 * groups and attributes are its mirror, so that the tokens API Gateway checks say the same (people/role-mirror.ts).
 */
import { conflict, invalid } from '../errors.ts';
import { isRole, type Role } from '../roles.ts';

/** Roles the lab grants and revokes. `learner` is everyone's default role and is never taken away. */
export const GRANTABLE_ROLES = ['trainer', 'hr', 'lab'] as const satisfies readonly Role[];
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export function isGrantable(role: string): role is GrantableRole {
  return (GRANTABLE_ROLES as readonly string[]).includes(role);
}

/** Where a person's identity comes from: ProConnect (State agents) or a native pool account (external trainers). */
export type IdentityProvider = 'proconnect' | 'pool';

/** What the identity token says of a person (ProConnect's claims once mapped by the pool). */
export interface Identity {
  email?: string;
  givenName?: string;
  familyName?: string;
  /** ProConnect's `uid`: the agent's id in their ministry's directory. */
  uid?: string;
  siret?: string;
  organizationalUnit?: string;
}

export interface Person {
  userId: string;
  /** The pool's user name (`cognito:username`): what the pool's admin calls take, unlike `sub`. */
  username: string;
  provider: IdentityProvider;
  identity: Identity;
  roles: Role[];
  /** For HR: the services whose people they may see. */
  hrServices: string[];
  /** Undefined while nobody knows: shown to the lab as "to be assigned". */
  service?: string;
  /** `claims`: matched from the identity at sign-in; `lab`: set by the lab (wins over the claims from then on). */
  serviceSource?: 'claims' | 'lab';
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
}

export function displayNameOf(p: Pick<Person, 'identity' | 'userId'>): string {
  const name = [p.identity.givenName, p.identity.familyName].filter(Boolean).join(' ').trim();
  return name || p.identity.email || p.userId;
}

/** Roles as stored: in one fixed order, so two equal sets compare equal. */
export function normaliseRoles(roles: readonly string[]): Role[] {
  const wanted = new Set(roles.filter(isRole));
  return (['learner', ...GRANTABLE_ROLES] as Role[]).filter((r) => wanted.has(r));
}

export interface RoleChange {
  roles: Role[];
  hrServices: string[];
}

/**
 * Decides a role change the lab asked for. `hrServices` only with the `hr` role, and only services the catalogue
 * knows; the last lab member cannot lose the lab role (nobody could give it back) — the store enforces the count
 * atomically, this is the early, readable answer.
 */
export function planRoleChange(
  current: Pick<Person, 'roles' | 'userId'>,
  asked: { roles: readonly GrantableRole[]; hrServices: readonly string[] },
  ctx: { knownServices: ReadonlySet<string>; labMembers: number },
): RoleChange {
  // The lab's change is about the grantable roles: whether the person is a learner is not its to change.
  const roles = normaliseRoles([...current.roles.filter((r) => r === 'learner'), ...asked.roles]);
  const hrServices = roles.includes('hr') ? [...new Set(asked.hrServices)].sort() : [];
  if (!roles.includes('hr') && asked.hrServices.length > 0)
    throw invalid('validation-failed', 'HR services need the hr role', [
      { path: 'hrServices', message: 'only a person with the hr role sees services' },
    ]);
  const unknown = hrServices.filter((s) => !ctx.knownServices.has(s));
  if (unknown.length)
    throw invalid('validation-failed', 'Unknown services', [
      { path: 'hrServices', message: `unknown services: ${unknown.join(', ')}` },
    ]);
  // The pool keeps the scope in one attribute of at most 2,048 characters (infra user-pool).
  if (hrServices.join(',').length > 2048)
    throw invalid('validation-failed', 'Too many HR services', [
      { path: 'hrServices', message: 'the list is too long for the sign-in token (2,048 characters)' },
    ]);
  if (current.roles.includes('lab') && !roles.includes('lab') && ctx.labMembers <= 1)
    throw conflict('last-lab-member', 'The programme must keep at least one lab member');
  return { roles, hrServices };
}

/** What the table grants a person today: what a sensitive request relies on, whatever the token still says. */
export interface StoredAccess {
  roles: readonly Role[];
  hrServices: readonly string[];
}

/**
 * The token's roles and HR services that the stored record still grants (learner is everyone's default, never
 * revoked). Nobody gains anything here: it only takes away what was revoked since the token was issued.
 */
export function confirmedAccess(
  token: { roles: readonly Role[]; hrServices?: readonly string[] | undefined },
  stored: StoredAccess | undefined,
): { roles: Role[]; hrServices: string[] } {
  return {
    roles: token.roles.filter((r) => r === 'learner' || (stored?.roles ?? []).includes(r)),
    hrServices: (token.hrServices ?? []).filter((s) => (stored?.hrServices ?? []).includes(s)),
  };
}
