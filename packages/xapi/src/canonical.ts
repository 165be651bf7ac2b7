import { filterLanguageMap } from './accept-language.ts';
import type {
  Activity,
  ActivityDefinition,
  Actor,
  Agent,
  Authority,
  Context,
  ContextActivities,
  Group,
  InteractionComponent,
  InteractionComponentList,
  InverseFunctionalIdentifier,
  LanguageMap,
  Statement,
  StatementObject,
  SubStatement,
  SubStatementObject,
  Verb,
} from './types.ts';

/**
 * The `format` parameter of GET Statements (Communication §2.1.3 table, row "format"): `exact` is the stored
 * Statement itself; `ids` and `canonical` are produced here from a stored (normalised) Statement.
 */

/** Where the LRS keeps its canonical metadata; without it, the Statement's own definitions are used. */
export interface CanonicalSources {
  /** The LRS's canonical Activity Definition for an Activity id (Data §2.4.4.1.s4.b3, §3.2.s4.b3). */
  activityDefinition?: (activityId: string) => ActivityDefinition | undefined;
  /** The LRS's canonical Display for a Verb id (Data §2.4.3.s6.b3-b4). */
  verbDisplay?: (verbId: string) => LanguageMap | undefined;
}

const COMPONENT_LISTS: readonly InteractionComponentList[] = [
  'choices',
  'scale',
  'source',
  'target',
  'steps',
];

type ContextActivityKind = keyof ContextActivities;
const CONTEXT_ACTIVITY_KINDS: readonly ContextActivityKind[] = ['parent', 'grouping', 'category', 'other'];

/** Applies `transform` to every Activity of contextActivities, keeping absent kinds absent. */
function mapContextActivities(
  activities: ContextActivities,
  transform: (activity: Activity) => Activity,
): ContextActivities {
  const mapped: ContextActivities = {};
  for (const kind of CONTEXT_ACTIVITY_KINDS) {
    const list = activities[kind];
    if (list !== undefined) mapped[kind] = list.map(transform);
  }
  return mapped;
}

// --- format=canonical -------------------------------------------------------------------------------------------

function filterDefinition(definition: ActivityDefinition, languages: readonly string[]): ActivityDefinition {
  // Communication §2.1.3.s4.b1: "Activity Objects contain Language Map Objects within their 'name', 'description'
  // and various interaction components. The LRS MUST return only one language in each of these maps."
  const filtered: ActivityDefinition = { ...definition };
  if (definition.name) filtered.name = filterLanguageMap(definition.name, languages);
  if (definition.description) filtered.description = filterLanguageMap(definition.description, languages);
  for (const list of COMPONENT_LISTS) {
    const components = definition[list];
    if (components === undefined) continue;
    filtered[list] = components.map(
      (component): InteractionComponent =>
        component.description === undefined
          ? component
          : { ...component, description: filterLanguageMap(component.description, languages) },
    );
  }
  return filtered;
}

/**
 * Returns the Statement as `format=canonical` asks: "return Activity Objects and Verbs populated with the canonical
 * definition of the Activity Objects and Display of the Verbs as determined by the LRS, after applying the language
 * filtering process ..., and return the original Agent and Group Objects as in 'exact' mode." `languages` are the
 * Accept-Language ranges, most preferred first (see `parseAcceptLanguage`).
 */
export function canonicalFormat<T extends Statement>(
  statement: T,
  languages: readonly string[],
  sources: CanonicalSources = {},
): T {
  const activity = (value: Activity): Activity => {
    const definition = sources.activityDefinition?.(value.id) ?? value.definition;
    return definition === undefined
      ? { objectType: 'Activity', id: value.id }
      : { objectType: 'Activity', id: value.id, definition: filterDefinition(definition, languages) };
  };
  const verb = (value: Verb): Verb => {
    // Data §2.4.3.s6.b3: "When queried for Statements with a Format of canonical, the LRS SHOULD* return a
    // canonical Display for that Verb."
    const display = sources.verbDisplay?.(value.id) ?? value.display;
    return display === undefined
      ? { id: value.id }
      : { id: value.id, display: filterLanguageMap(display, languages) };
  };
  const context = (value: Context | undefined): Context | undefined =>
    value?.contextActivities === undefined
      ? value
      : { ...value, contextActivities: mapContextActivities(value.contextActivities, activity) };
  const subObject = (value: SubStatementObject): SubStatementObject =>
    value.objectType === 'Activity' ? activity(value) : value;
  const object = (value: StatementObject): StatementObject => {
    if (value.objectType !== 'SubStatement') return subObject(value);
    return withContext(
      { ...value, verb: verb(value.verb), object: subObject(value.object) },
      context(value.context),
    );
  };
  return withContext(
    { ...statement, verb: verb(statement.verb), object: object(statement.object) },
    context(statement.context),
  );
}

/** Sets or leaves out `context`, so that an absent context stays absent rather than becoming `undefined`. */
function withContext<T extends { context?: Context }>(value: T, context: Context | undefined): T {
  if (context === undefined) return value;
  return { ...value, context };
}

// --- format=ids ---------------------------------------------------------------------------------------------------

function ifiOf(actor: InverseFunctionalIdentifier): InverseFunctionalIdentifier {
  if (actor.mbox !== undefined) return { mbox: actor.mbox };
  if (actor.mbox_sha1sum !== undefined) return { mbox_sha1sum: actor.mbox_sha1sum };
  if (actor.openid !== undefined) return { openid: actor.openid };
  return { account: { homePage: actor.account.homePage, name: actor.account.name } };
}

function idsAgent(agent: Agent): Agent {
  return { objectType: 'Agent', ...ifiOf(agent) };
}

/**
 * "For Anonymous Groups this means including the minimum information needed to identify each member": an Identified
 * Group is identified by its IFI alone, an Anonymous Group by its members' IFIs.
 */
function idsGroup(group: Group): Group {
  if (
    group.mbox !== undefined ||
    group.mbox_sha1sum !== undefined ||
    group.openid !== undefined ||
    group.account
  ) {
    return { objectType: 'Group', ...ifiOf(group) };
  }
  return { objectType: 'Group', member: group.member.map(idsAgent) };
}

function idsActor(actor: Actor): Actor {
  return actor.objectType === 'Agent' ? idsAgent(actor) : idsGroup(actor);
}

function idsAuthority(authority: Authority): Authority {
  if (authority.objectType === 'Agent') return idsAgent(authority);
  const [application, user] = authority.member;
  return { objectType: 'Group', member: [idsAgent(application), idsAgent(user)] };
}

function idsActivity(activity: Activity): Activity {
  return { objectType: 'Activity', id: activity.id };
}

function idsContext(context: Context): Context {
  const reduced: Context = { ...context };
  if (context.instructor) reduced.instructor = idsActor(context.instructor);
  if (context.team) reduced.team = idsGroup(context.team);
  if (context.contextActivities)
    reduced.contextActivities = mapContextActivities(context.contextActivities, idsActivity);
  return reduced;
}

function idsSubObject(object: SubStatementObject): SubStatementObject {
  if (object.objectType === 'Activity') return idsActivity(object);
  if (object.objectType === 'Agent') return idsAgent(object);
  if (object.objectType === 'Group') return idsGroup(object);
  return object;
}

function idsSubStatement(sub: SubStatement): SubStatement {
  const reduced: SubStatement = {
    ...sub,
    actor: idsActor(sub.actor),
    verb: { id: sub.verb.id },
    object: idsSubObject(sub.object),
  };
  return withContext(reduced, sub.context && idsContext(sub.context));
}

/**
 * Returns the Statement as `format=ids` asks: "only include minimum information necessary in Agent, Activity, Verb and
 * Group Objects to identify them". Agents keep their IFI, Activities their id, Verbs their id (Data §2.4.3.s6.b2: "the
 * LRS SHOULD* NOT include the 'display' property"); result, timestamps and attachments are unchanged.
 */
export function idsFormat<T extends Statement>(statement: T): T {
  const reduced: T = {
    ...statement,
    actor: idsActor(statement.actor),
    verb: { id: statement.verb.id },
    object:
      statement.object.objectType === 'SubStatement'
        ? idsSubStatement(statement.object)
        : idsSubObject(statement.object),
  };
  if (statement.authority) reduced.authority = idsAuthority(statement.authority);
  return withContext(reduced, statement.context && idsContext(statement.context));
}
