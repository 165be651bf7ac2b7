import { valueHash } from '@parcours/store/xapi-hash';
import type { FilterKeys } from '@parcours/store/xapi-index';
import type {
  Activity,
  ActivityDefinition,
  Actor,
  Context,
  Statement,
  StatementObject,
  SubStatement,
} from '@parcours/xapi';
import { actorKey } from '@parcours/xapi';

/**
 * The filter values a Statement matches (Communication 2.1.3, GET Statements filters), as index hashes. Pure.
 *
 * - agent: "the Actor or Object of the Statement"; Groups whose members match count as a match, so members are keys too.
 * - related_agents: "the Actor, Object, Authority, Instructor, Team, or any of these properties in a contained
 *   SubStatement".
 * - activity: the Object, when an Activity; related_activities: also "any of the context Activities, or any of those
 *   properties in a contained SubStatement".
 * StatementRef targets add their keys later, in the projection (2.1.3.s3).
 */

export const agentHash = (key: string) => valueHash(`agent:${key}`);
export const activityHash = (id: string) => valueHash(`activity:${id}`);
export const verbHash = (id: string) => valueHash(`verb:${id}`);

/** Keys of an Actor: its own (Agent or Identified Group) and its members'. */
function actorKeys(actor: Actor | undefined): string[] {
  if (!actor) return [];
  const own = actorKey(actor);
  const members = actor.objectType === 'Group' ? (actor.member ?? []).map((m) => actorKey(m)) : [];
  return [own, ...members].filter((k): k is string => k !== undefined).map(agentHash);
}

function contextActivities(context: Context | undefined): Activity[] {
  const ca = context?.contextActivities;
  return ca
    ? [...(ca.parent ?? []), ...(ca.grouping ?? []), ...(ca.category ?? []), ...(ca.other ?? [])]
    : [];
}

function objectAgents(object: StatementObject): string[] {
  return object.objectType === 'Agent' || object.objectType === 'Group' ? actorKeys(object) : [];
}

function contextAgents(context: Context | undefined): string[] {
  return [...actorKeys(context?.instructor), ...actorKeys(context?.team)];
}

export function filterKeysOf(statement: Statement): FilterKeys {
  const object = statement.object;
  const sub: SubStatement | undefined = object.objectType === 'SubStatement' ? object : undefined;
  const agents = [...actorKeys(statement.actor), ...objectAgents(object)];
  const relatedAgents = [
    ...agents,
    ...actorKeys(statement.authority),
    ...contextAgents(statement.context),
    ...(sub ? [...actorKeys(sub.actor), ...objectAgents(sub.object), ...contextAgents(sub.context)] : []),
  ];
  const activities = object.objectType === 'Activity' ? [activityHash(object.id)] : [];
  const relatedActivities = [
    ...activities,
    ...contextActivities(statement.context).map((a) => activityHash(a.id)),
    ...(sub
      ? [
          ...(sub.object.objectType === 'Activity' ? [activityHash(sub.object.id)] : []),
          ...contextActivities(sub.context).map((a) => activityHash(a.id)),
        ]
      : []),
  ];
  const registration = statement.context?.registration?.toLowerCase();
  return {
    agents: [...new Set(agents)],
    relatedAgents: [...new Set(relatedAgents)],
    verbs: [verbHash(statement.verb.id)],
    activities: [...new Set(activities)],
    relatedActivities: [...new Set(relatedActivities)],
    registrations: registration ? [registration] : [],
  };
}

export function mergeFilterKeys(a: FilterKeys, b: FilterKeys): FilterKeys {
  const u = (x: string[], y: string[]) => [...new Set([...x, ...y])];
  return {
    agents: u(a.agents, b.agents),
    relatedAgents: u(a.relatedAgents, b.relatedAgents),
    verbs: u(a.verbs, b.verbs),
    activities: u(a.activities, b.activities),
    relatedActivities: u(a.relatedActivities, b.relatedActivities),
    registrations: u(a.registrations, b.registrations),
  };
}

/** Every Activity of the Statement that carries a definition (to maintain canonical definitions). */
export function definedActivities(statement: Statement): { id: string; definition: ActivityDefinition }[] {
  const all: Activity[] = [];
  const collect = (object: StatementObject, context: Context | undefined) => {
    if (object.objectType === 'Activity') all.push(object);
    all.push(...contextActivities(context));
  };
  collect(statement.object, statement.context);
  if (statement.object.objectType === 'SubStatement')
    collect(statement.object.object, statement.object.context);
  return all.flatMap((a) => (a.definition ? [{ id: a.id, definition: a.definition }] : []));
}

/**
 * Merges a newly received definition into the canonical one: properties given replace the old ones, language maps
 * are merged per language (a Statement in French does not erase the English name).
 */
export function mergeDefinition(
  canonical: ActivityDefinition | undefined,
  incoming: ActivityDefinition,
): ActivityDefinition {
  if (!canonical) return incoming;
  const merged: ActivityDefinition = { ...canonical, ...incoming };
  if (canonical.name && incoming.name) merged.name = { ...canonical.name, ...incoming.name };
  if (canonical.description && incoming.description) {
    merged.description = { ...canonical.description, ...incoming.description };
  }
  if (canonical.extensions && incoming.extensions)
    merged.extensions = { ...canonical.extensions, ...incoming.extensions };
  return merged;
}
