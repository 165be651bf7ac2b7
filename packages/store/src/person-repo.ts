/**
 * People (`user#<id>` / `person`): identity, service and the roles the lab grants. The table is the truth; the user
 * pool's groups and attributes mirror it from the stream (functions/people/role-mirror.ts), and sensitive writes
 * re-read the stored roles (`storedAccess`) so that a revoked role cannot keep writing until its token expires.
 *
 * The lab's member count (`people` / `role-count#lab`) changes in the same transaction as a person's lab role, with
 * the condition that a removal leaves at least one: two lab members revoking each other at once cannot both win.
 */
import { canonicalJson } from '@parcours/domain/canonical-json';
import { conflict, notFound } from '@parcours/domain/errors';
import type {
  Identity,
  IdentityProvider,
  Person,
  RoleChange,
  StoredAccess,
} from '@parcours/domain/people/person';
import type { Role } from '@parcours/domain/roles';
import type { Entity } from './entities.ts';
import {
  get,
  type Item,
  isConditionFailure,
  queryAll,
  remove,
  type TaggedOp,
  transactWrite,
} from './gateway.ts';
import { keys } from './keys.ts';

export interface PersonItem extends Person {
  pk: string;
  sk: 'person';
  entity: Extract<Entity, 'person'>;
  gsi1pk: string;
  gsi1sk: string;
}

/** Lower case, accents and punctuation dropped: what a search on a name compares. */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9@.]+/g, ' ')
    .trim();
}

const sortNameOf = (identity: Identity, userId: string) =>
  foldName([identity.familyName, identity.givenName, identity.email].filter(Boolean).join(' ')) || userId;

export function toPerson(item: PersonItem): Person {
  const { pk: _pk, sk: _sk, entity: _e, gsi1pk: _g, gsi1sk: _s, ...person } = item;
  return { ...person, identity: person.identity ?? {} };
}

export async function getPerson(userId: string, consistent = true): Promise<Person | undefined> {
  const item = await get<PersonItem>({ Key: keys.user.person(userId), ConsistentRead: consistent });
  return item ? toPerson(item) : undefined;
}

/** The roles and HR scope the table grants today (a strongly consistent read); undefined for somebody never provisioned. */
export async function storedAccess(userId: string): Promise<StoredAccess | undefined> {
  const item = await get<Pick<PersonItem, 'roles' | 'hrServices'>>({
    Key: keys.user.person(userId),
    ConsistentRead: true,
    ProjectionExpression: '#roles, #hr',
    ExpressionAttributeNames: { '#roles': 'roles', '#hr': 'hrServices' },
  });
  return item ? { roles: item.roles ?? [], hrServices: item.hrServices ?? [] } : undefined;
}

export async function labMembers(): Promise<number> {
  const item = await get<{ members?: number }>({ Key: keys.people.roleCount('lab'), ConsistentRead: true });
  return item?.members ?? 0;
}

/** Every person, by name. A network is hundreds to a few thousand people: a few pages of one index partition. */
export async function listPeople(): Promise<Person[]> {
  const items = await queryAll<PersonItem>({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.people.index },
  });
  return items.map(toPerson);
}

export interface SignInFacts {
  userId: string;
  username: string;
  provider: IdentityProvider;
  identity: Identity;
  /** The service the identity maps to today (undefined: nobody mapped it). */
  mappedService?: string;
}

/**
 * First sign-in creates the person (learner, the service the identity maps to); later ones bring the identity up
 * to date (the provider's claims win) and, unless the lab chose the service, follow the mapping. Writes only when
 * something changed; a concurrent first sign-in (two tabs) is decided by the condition and re-read.
 */
export async function provisionPerson(
  facts: SignInFacts,
  now: string,
  initial: RoleChange & { service?: string; by?: string } = { roles: ['learner'], hrServices: [] },
): Promise<Person> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const current = await getPerson(facts.userId);
    if (!current) {
      const service = initial.service ?? facts.mappedService;
      const person: Person = {
        userId: facts.userId,
        username: facts.username,
        provider: facts.provider,
        identity: facts.identity,
        roles: initial.roles,
        hrServices: initial.hrServices,
        ...(service
          ? { service, serviceSource: initial.service ? ('lab' as const) : ('claims' as const) }
          : {}),
        createdAt: now,
        updatedAt: now,
        updatedBy: initial.by ?? facts.userId,
        version: 1,
      };
      const count = labCountOp([], person.roles);
      const created = await transactWrite<string>([
        {
          tag: 'person',
          op: {
            Put: {
              Item: personItem(person),
              ConditionExpression: 'attribute_not_exists(#pk)',
              ExpressionAttributeNames: { '#pk': 'pk' },
            },
          },
        },
        ...(count ? [count] : []),
      ]);
      if (created.ok) return person;
      continue;
    }
    const followMapping = current.serviceSource !== 'lab' && facts.mappedService !== undefined;
    const service = followMapping ? facts.mappedService : current.service;
    const same =
      // Key order is not kept by the table: compare canonically, or every sign-in would write.
      canonicalJson(current.identity) === canonicalJson(facts.identity) &&
      current.username === facts.username &&
      service === current.service;
    if (same) return current;
    // The identity follows the provider and is no one's edit: it neither moves the version (a lab form open on this
    // person stays current) nor says who changed the person. A service the mapping moved is a change.
    const moved = service !== current.service;
    const next: Person = {
      ...current,
      username: facts.username,
      identity: facts.identity,
      ...(service ? { service } : {}),
      ...(followMapping ? { serviceSource: 'claims' as const } : {}),
      ...(moved ? { updatedAt: now, updatedBy: facts.userId, version: current.version + 1 } : {}),
    };
    if (await replaceIfVersion(next, current.version)) return next;
  }
  throw conflict('person-busy', 'Your record is being changed; retry');
}

function personItem(p: Person): PersonItem {
  return {
    pk: keys.user.person(p.userId).pk,
    sk: 'person',
    entity: 'person',
    ...p,
    // An empty map is left out: the local stream reader (the SDK's GetRecords) cannot read `{ M: {} }` back.
    identity: (Object.keys(p.identity).length ? p.identity : undefined) as Identity,
    gsi1pk: keys.people.index,
    gsi1sk: keys.people.sortKey(sortNameOf(p.identity, p.userId), p.userId),
  };
}

async function replaceIfVersion(next: Person, read: number): Promise<boolean> {
  const outcome = await transactWrite<'person'>([{ tag: 'person', op: putAtVersion(next, read) }]);
  if (outcome.ok) return true;
  if (outcome.failures.some((f) => f.code === 'ConditionalCheckFailed')) return false;
  throw conflict('person-busy', 'This person is being changed by someone else; retry');
}

function putAtVersion(next: Person, read: number): TaggedOp<string>['op'] {
  return {
    Put: {
      Item: personItem(next),
      ConditionExpression: '#version = :read',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':read': read },
    },
  };
}

function stale(current: Person) {
  return conflict('stale-version', 'Someone changed this person after you loaded them: reload, then redo', {
    version: current.version,
    updatedAt: current.updatedAt,
    updatedBy: current.updatedBy,
  });
}

/** The lab counter's move for a change from `before` to `after` (undefined: lab role unchanged). */
function labCountOp(before: readonly Role[], after: readonly Role[]): TaggedOp<'count'> | undefined {
  const was = before.includes('lab');
  const is = after.includes('lab');
  if (was === is) return undefined;
  const values: Item = { ':entity': 'role-count', ':delta': is ? 1 : -1 };
  if (!is) values[':one'] = 1;
  return {
    tag: 'count',
    op: {
      Update: {
        Key: keys.people.roleCount('lab'),
        UpdateExpression: 'SET #entity = :entity ADD #members :delta',
        // A removal needs another member left: the count read by nobody, checked by DynamoDB.
        ...(is ? {} : { ConditionExpression: '#members > :one' }),
        ExpressionAttributeNames: { '#entity': 'entity', '#members': 'members' },
        ExpressionAttributeValues: values,
      },
    },
  };
}

/** The person as the lab's form read them: 404 when gone, 409 `stale-version` when changed since. */
async function atVersion(userId: string, expectedVersion: number): Promise<Person> {
  const current = await getPerson(userId);
  if (!current) throw notFound('Person', userId);
  if (current.version !== expectedVersion) throw stale(current);
  return current;
}

/** A versioned write lost its condition: say who changed the person meanwhile (or that they are gone). */
async function staleNow(userId: string): Promise<never> {
  const now = await getPerson(userId);
  throw now ? stale(now) : notFound('Person', userId);
}

/**
 * Sets a person's roles (and HR scope) if they are still at `expectedVersion`: 409 `stale-version` otherwise, 409
 * `last-lab-member` when it would leave the programme without a lab member.
 */
export async function changeRoles(
  userId: string,
  change: RoleChange,
  expectedVersion: number,
  ctx: { by: string; now: string },
): Promise<Person> {
  const current = await atVersion(userId, expectedVersion);
  const next: Person = {
    ...current,
    roles: change.roles,
    hrServices: change.hrServices,
    updatedAt: ctx.now,
    updatedBy: ctx.by,
    version: current.version + 1,
  };
  const count = labCountOp(current.roles, next.roles);
  const outcome = await transactWrite<string>([
    { tag: 'person', op: putAtVersion(next, current.version) },
    ...(count ? [count] : []),
  ]);
  if (outcome.ok) return next;
  if (outcome.failures.some((f) => f.tag === 'count' && f.code === 'ConditionalCheckFailed'))
    throw conflict('last-lab-member', 'The programme must keep at least one lab member');
  if (outcome.failures.some((f) => f.tag === 'person' && f.code === 'ConditionalCheckFailed'))
    return staleNow(userId);
  throw conflict('person-busy', 'This person is being changed by someone else; retry');
}

/** The lab chooses a person's service (it then wins over the mapping at later sign-ins). */
export async function assignService(
  userId: string,
  service: string,
  expectedVersion: number,
  ctx: { by: string; now: string },
): Promise<Person> {
  const current = await atVersion(userId, expectedVersion);
  const next: Person = {
    ...current,
    service,
    serviceSource: 'lab',
    updatedAt: ctx.now,
    updatedBy: ctx.by,
    version: current.version + 1,
  };
  if (await replaceIfVersion(next, current.version)) return next;
  return staleNow(userId);
}

/**
 * A person with exactly these roles, whoever they were before: the first administrator the deploy invites
 * (functions/seed) and the people the local stack signs in (`POST /_local/token`). Not an API: the lab's changes go
 * through `changeRoles`, with the version its form read.
 */
export async function ensurePersonWithRoles(
  facts: SignInFacts,
  wanted: RoleChange & { service?: string },
  now: string,
): Promise<Person> {
  // A new person is created with the wanted roles at once (the pool's mirror never sees a learner-only state first);
  // an existing one then gets them in a second write.
  const person = await provisionPerson(facts, now, { ...wanted, by: 'system' });
  const sameRoles =
    JSON.stringify(person.roles) === JSON.stringify(wanted.roles) &&
    JSON.stringify(person.hrServices) === JSON.stringify(wanted.hrServices);
  let current = person;
  if (!sameRoles) current = await changeRoles(facts.userId, wanted, person.version, { by: 'system', now });
  if (wanted.service && current.service !== wanted.service)
    current = await assignService(facts.userId, wanted.service, current.version, { by: 'system', now });
  return current;
}

/**
 * Erasure's delete of the person record: refused (409 `erase-lab-member`) if they hold the lab role by now — a grant
 * made while the erasure ran must not leave the lab's count holding a ghost.
 */
export async function deletePersonUnlessLab(userId: string): Promise<void> {
  try {
    await remove({
      Key: keys.user.person(userId),
      ConditionExpression: 'attribute_not_exists(#pk) OR NOT contains(#roles, :lab)',
      ExpressionAttributeNames: { '#pk': 'pk', '#roles': 'roles' },
      ExpressionAttributeValues: { ':lab': 'lab' },
    });
  } catch (e) {
    if (isConditionFailure(e))
      throw conflict('erase-lab-member', 'Revoke the lab role before erasing this person');
    throw e;
  }
}
