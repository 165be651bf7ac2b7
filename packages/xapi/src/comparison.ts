import { normaliseMbox } from './agent-key.ts';
import { durationForComparison, parseTimestamp } from './formats/iso8601.ts';
import type {
  Activity,
  Actor,
  Agent,
  Context,
  ContextActivities,
  JsonValue,
  Result,
  Statement,
  StatementObject,
  SubStatement,
} from './types.ts';

/**
 * Statement comparison, xAPI 1.0.3 Data §2.3.1 "Statement Comparision Requirements" (used by PUT/POST of an id the
 * LRS already holds, Communication §2.1.1.s2.b3, and by signature checks, Data §2.6.s5.b3.b2):
 *
 * - "Differences which could have been caused by exceptions to Statement immutability MUST be ignored." The
 *   exceptions (§2.3.1.b1-b7) are: properties the LRS assigns (id, authority, stored, timestamp, version); Activity
 *   Definitions; the Verb's display; the serialisation of timestamps (same instant, other time zone); the order of a
 *   Group's members; Attachments; and case differences in case-insensitive values (e-mail domains, and by the same
 *   token UUIDs and hashes, whose hex digits are case-insensitive, and language tags).
 * - "Differences relating to a different serialisation of any properties not listed as exceptions MUST not be
 *   ignored." In particular the Result duration "is considered a string" (§2.3.1.b8), compared to 0.01 s (§4.6.s1.b5).
 *
 * Implementation: both Statements are projected onto what the rules say is significant, then compared as JSON with
 * sorted keys. An id, timestamp or version present on one side only is ignored, since the LRS may have assigned it;
 * when both sides carry an id or timestamp they must agree (the timestamp as an instant, to the millisecond).
 */

type Projection = JsonValue;

function lower(value: string | undefined): string | undefined {
  return value?.toLowerCase();
}

/** Drops undefined members so that "absent" and "undefined" project alike. */
function compact(record: Record<string, Projection | undefined>): Projection {
  const out: Record<string, Projection> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out;
}

function projectAgent(agent: Agent): Projection {
  return compact({
    objectType: 'Agent',
    name: agent.name,
    mbox: agent.mbox === undefined ? undefined : normaliseMbox(agent.mbox),
    mbox_sha1sum: lower(agent.mbox_sha1sum),
    openid: agent.openid,
    account: agent.account && { homePage: agent.account.homePage, name: agent.account.name },
  });
}

function projectActor(actor: Actor): Projection {
  if (actor.objectType === 'Agent') return projectAgent(actor);
  // xAPI 1.0.3 Data §2.3.1.b5: "The list of Agents in a Group is not considered to be an ordered list."
  const members = actor.member?.map((member) => canonicalJson(projectAgent(member))).sort();
  return compact({
    objectType: 'Group',
    name: actor.name,
    mbox: actor.mbox === undefined ? undefined : normaliseMbox(actor.mbox),
    mbox_sha1sum: lower(actor.mbox_sha1sum),
    openid: actor.openid,
    account: actor.account && { homePage: actor.account.homePage, name: actor.account.name },
    member: members,
  });
}

/** xAPI 1.0.3 Data §2.3.1.b2: Activity Definitions are "not considered part of the Statement itself". */
function projectActivity(activity: Activity): Projection {
  return { objectType: 'Activity', id: activity.id };
}

function projectContextActivities(activities: ContextActivities): Projection {
  return compact({
    parent: activities.parent?.map(projectActivity),
    grouping: activities.grouping?.map(projectActivity),
    category: activities.category?.map(projectActivity),
    other: activities.other?.map(projectActivity),
  });
}

function projectContext(context: Context | undefined): Projection | undefined {
  if (context === undefined) return undefined;
  return compact({
    registration: lower(context.registration),
    instructor: context.instructor && projectActor(context.instructor),
    team: context.team && projectActor(context.team),
    contextActivities: context.contextActivities && projectContextActivities(context.contextActivities),
    revision: context.revision,
    platform: context.platform,
    language: lower(context.language),
    statement: context.statement && { objectType: 'StatementRef', id: context.statement.id.toLowerCase() },
    extensions: context.extensions,
  });
}

function projectResult(result: Result | undefined): Projection | undefined {
  if (result === undefined) return undefined;
  return compact({
    score: result.score && compact({ ...result.score }),
    success: result.success,
    completion: result.completion,
    response: result.response,
    duration: result.duration === undefined ? undefined : durationForComparison(result.duration),
    extensions: result.extensions,
  });
}

function instant(timestamp: string | undefined): Projection | undefined {
  if (timestamp === undefined) return undefined;
  return parseTimestamp(timestamp)?.epochMs ?? timestamp;
}

function projectSubStatement(sub: SubStatement): Projection {
  return compact({
    objectType: 'SubStatement',
    actor: projectActor(sub.actor),
    verb: sub.verb.id,
    object: projectObject(sub.object),
    result: projectResult(sub.result),
    context: projectContext(sub.context),
    // The LRS never assigns a SubStatement's timestamp, so only its serialisation may differ.
    timestamp: instant(sub.timestamp),
  });
}

function projectObject(object: StatementObject): Projection {
  switch (object.objectType) {
    case 'Activity':
      return projectActivity(object);
    case 'StatementRef':
      return { objectType: 'StatementRef', id: object.id.toLowerCase() };
    case 'SubStatement':
      return projectSubStatement(object);
    default:
      return projectActor(object);
  }
}

/** JSON with object keys sorted, so that property order never matters (JSON objects are unordered). */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] ?? null)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** True when the two Statements are the same Statement under Data §2.3.1's comparison rules (see module comment). */
export function statementsEquivalent(a: Statement, b: Statement): boolean {
  const both = <T>(x: T | undefined, y: T | undefined): boolean => x !== undefined && y !== undefined;
  const project = (s: Statement, other: Statement): Projection =>
    compact({
      id: both(s.id, other.id) ? lower(s.id) : undefined,
      timestamp: both(s.timestamp, other.timestamp) ? instant(s.timestamp) : undefined,
      actor: projectActor(s.actor),
      verb: s.verb.id,
      object: projectObject(s.object),
      result: projectResult(s.result),
      context: projectContext(s.context),
    });
  return canonicalJson(project(a, b)) === canonicalJson(project(b, a));
}
