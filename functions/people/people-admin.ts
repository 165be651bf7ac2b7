/**
 * The people the lab manages: provisioning at sign-in, the lab's list and person page, role and service changes.
 * The stored person is the truth; the stream mirrors it into the user pool (role-mirror.ts), and every context
 * re-reads the stored roles on sensitive writes (packages/http `storedAccess`).
 */

import { nowIso } from '@parcours/domain/clock';
import { catalog } from '@parcours/domain/content/catalog';
import { forbidden, invalid, notFound } from '@parcours/domain/errors';
import type { GrantableRole, Person } from '@parcours/domain/people/person';
import { displayNameOf, planRoleChange } from '@parcours/domain/people/person';
import { serviceFromIdentity } from '@parcours/domain/people/service-mapping';
import type { Principal, Role } from '@parcours/domain/roles';
import { type Claims, groupsOf, identityFromClaims } from '@parcours/http/claims';
import { erasureSubjectHash, isErased } from '@parcours/store/erasure-repo';
import { listPathMemberships } from '@parcours/store/path-membership-repo';
import {
  assignService,
  changeRoles,
  foldName,
  getPerson,
  labMembers,
  listPeople,
  provisionPerson,
} from '@parcours/store/person-repo';
import { getTrainer } from '@parcours/store/trainer-repo';

export function toPersonView(p: Person) {
  return {
    userId: p.userId,
    displayName: displayNameOf(p),
    provider: p.provider,
    identity: p.identity,
    roles: p.roles,
    hrServices: p.hrServices,
    ...(p.service ? { service: p.service } : {}),
    serviceStatus: p.service ? ('assigned' as const) : ('to-be-assigned' as const),
    ...(p.serviceSource ? { serviceSource: p.serviceSource } : {}),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    updatedBy: p.updatedBy,
    version: p.version,
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * `POST /me/sign-in`: the person, created or brought up to date; whether the token is behind the stored record.
 * Someone erased stays erased: their pool user lives until an operator deletes it, and signing in must not bring
 * their identity back next to the history the erasure pseudonymised.
 */
export async function signIn(principal: Principal, claims: Claims) {
  if (await isErased(erasureSubjectHash(principal.userId)))
    throw forbidden('This account was erased at its owner’s request', 'person-erased');
  const { username, provider, ...identity } = identityFromClaims(claims);
  const person = await provisionPerson(
    {
      userId: principal.userId,
      username,
      provider,
      identity,
      ...optional('mappedService', serviceFromIdentity(catalog().services, identity)),
    },
    nowIso(),
  );
  const groups = groupsOf(claims);
  const refreshToken =
    groups === undefined ||
    !sameSet(groups, person.roles) ||
    (principal.service ?? '') !== (person.service ?? '') ||
    !sameSet(principal.hrServices ?? [], person.hrServices);
  return { person: toPersonView(person), refreshToken };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export interface PeopleFilter {
  q?: string | undefined;
  role?: Role | undefined;
  service?: string | undefined;
  unassigned?: 'true' | 'false' | undefined;
}

export async function listPeopleView(filter: PeopleFilter) {
  const q = filter.q ? foldName(filter.q) : undefined;
  const people = (await listPeople()).filter((p) => {
    if (filter.role && !p.roles.includes(filter.role)) return false;
    if (filter.service && p.service !== filter.service) return false;
    if (filter.unassigned === 'true' && p.service) return false;
    if (!q) return true;
    const words = [p.identity.givenName, p.identity.familyName, p.identity.email, p.userId]
      .filter(Boolean)
      .flatMap((w) => foldName(w!).split(' '));
    const full = foldName([p.identity.givenName, p.identity.familyName].filter(Boolean).join(' '));
    return full.startsWith(q) || words.some((w) => w.startsWith(q));
  });
  return { items: people.map(toPersonView) };
}

export async function personPageView(userId: string) {
  const [person, paths, trainer] = await Promise.all([
    getPerson(userId),
    listPathMemberships(userId),
    getTrainer(userId),
  ]);
  if (!person) throw notFound('Person', userId);
  return {
    person: toPersonView(person),
    paths,
    ...(trainer ? { trainer: { kind: trainer.kind, active: trainer.active, modules: trainer.modules } } : {}),
  };
}

export async function setRoles(
  userId: string,
  body: { roles: GrantableRole[]; hrServices: string[]; version: number },
  by: string,
) {
  const current = await getPerson(userId);
  if (!current) throw notFound('Person', userId);
  const change = planRoleChange(current, body, {
    knownServices: new Set(catalog().services.map((s) => s.id)),
    labMembers: await labMembers(),
  });
  return toPersonView(await changeRoles(userId, change, body.version, { by, now: nowIso() }));
}

export async function setService(userId: string, body: { service: string; version: number }, by: string) {
  const service = catalog().services.find((s) => s.id === body.service);
  if (!service || service.archived)
    throw invalid('validation-failed', 'Unknown service', [
      { path: 'service', message: `no live service '${body.service}'` },
    ]);
  return toPersonView(await assignService(userId, body.service, body.version, { by, now: nowIso() }));
}
