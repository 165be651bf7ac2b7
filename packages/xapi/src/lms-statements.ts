import { createHash, randomUUID } from 'node:crypto';
import type { Activity, Agent, Context, Extensions, Result, Statement } from './types.ts';
import { VERBS, type VerbName } from './verbs.ts';

/**
 * Builders for the Statements the LMS core emits on its events. Each returns a Statement that passes
 * `validateStatement` (the unit tests check every one).
 *
 * Identity: the actor is `{ account: { homePage: PARCOURS_HOME_PAGE, name: userId } }`, never an e-mail address. The
 * account IFI is what Data §2.4.2.4.s2.b2 recommends when revealing personal data is a concern ("an opaque account
 * name"), and it lets an erasure request re-key or drop a learner's Statements by userId alone. For the same reason
 * the learner's name and e-mail, although part of the event, are not copied into Statements.
 */

export const PARCOURS_HOME_PAGE = 'https://parcours.example.gouv.fr';
const XAPI_BASE = `${PARCOURS_HOME_PAGE}/xapi`;
export const ACTIVITY_BASE = `${XAPI_BASE}/activities`;
/** Context extension holding the site (venue) id of the session. */
export const SITE_EXTENSION = `${XAPI_BASE}/extensions/site`;
/** Context extension holding the session's scheduled start (ISO 8601). */
export const SESSION_START_EXTENSION = `${XAPI_BASE}/extensions/session-start`;
/** The value of context.platform on every LMS Statement. */
export const PLATFORM = 'Parcours';

// ADL Activity types (http://adlnet.gov/expapi/activities/...), reused per Data §3.1.s1.b3.
const MODULE_TYPE = 'http://adlnet.gov/expapi/activities/module';
const SESSION_TYPE = 'http://adlnet.gov/expapi/activities/meeting';
const PATH_TYPE = 'http://adlnet.gov/expapi/activities/course';

export interface LmsLearner {
  userId: string;
  /** Not emitted (see module comment). */
  email?: string;
  /** Not emitted (see module comment). */
  name?: string;
}

export interface LmsSession {
  id: string;
  moduleId: string;
  moduleTitle: { fr: string; en: string };
  pathId?: string;
  siteId: string;
  /** ISO 8601 start of the session. */
  start: string;
}

export interface LmsEvent {
  learner: LmsLearner;
  session: LmsSession;
  /** UUID of the learner's registration (enrolment) to the session: context.registration. */
  registration: string;
  /** ISO 8601 time of the event, with a time zone. */
  timestamp: string;
  /** Statement id; defaults to a fresh random UUID. Use `statementIdFor` to make re-emission idempotent. */
  statementId?: string;
}

/** Activity ids: stable IRIs under Parcours' domain (Data §2.4.4.1.s3: unique, always the same Activity). */
export function moduleActivityId(moduleId: string): string {
  return `${ACTIVITY_BASE}/module/${encodeURIComponent(moduleId)}`;
}
export function sessionActivityId(sessionId: string): string {
  return `${ACTIVITY_BASE}/session/${encodeURIComponent(sessionId)}`;
}
export function pathActivityId(pathId: string): string {
  return `${ACTIVITY_BASE}/path/${encodeURIComponent(pathId)}`;
}

/** The learner as an xAPI Agent, identified by their Parcours account. */
export function learnerAgent(userId: string): Agent {
  return { objectType: 'Agent', account: { homePage: PARCOURS_HOME_PAGE, name: userId } };
}

const STATEMENT_ID_NAMESPACE = 'a3c1e2f4-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

/**
 * A name-based (version 5, RFC 4122 §4.3) UUID for an event key such as `registered:<registrationId>`: emitting the
 * same event twice yields the same Statement id, and the LRS then keeps one Statement (Communication §2.1.2.s2.b4).
 */
export function statementIdFor(eventKey: string): string {
  const namespace = Buffer.from(STATEMENT_ID_NAMESPACE.replaceAll('-', ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(eventKey, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function moduleActivity(session: LmsSession): Activity {
  return {
    objectType: 'Activity',
    id: moduleActivityId(session.moduleId),
    definition: {
      name: { 'fr-FR': session.moduleTitle.fr, 'en-US': session.moduleTitle.en },
      type: MODULE_TYPE,
    },
  };
}

function sessionActivity(session: LmsSession): Activity {
  const day = session.start.slice(0, 10);
  return {
    objectType: 'Activity',
    id: sessionActivityId(session.id),
    definition: {
      name: {
        'fr-FR': `${session.moduleTitle.fr} — séance du ${day}`,
        'en-US': `${session.moduleTitle.en} — session on ${day}`,
      },
      type: SESSION_TYPE,
    },
  };
}

function pathActivity(pathId: string): Activity {
  return { objectType: 'Activity', id: pathActivityId(pathId), definition: { type: PATH_TYPE } };
}

/** Context shared by every LMS Statement; `related` is where the other of module/session goes. */
function lmsContext(event: LmsEvent, related: { parent?: Activity; other?: Activity }): Context {
  const { session } = event;
  const extensions: Extensions = {
    [SITE_EXTENSION]: session.siteId,
    [SESSION_START_EXTENSION]: session.start,
  };
  return {
    registration: event.registration,
    contextActivities: {
      ...(related.parent ? { parent: [related.parent] } : {}),
      // The training path the module belongs to: an indirect relation, hence "grouping" (Data §2.4.6.2.s3.b2).
      ...(session.pathId === undefined ? {} : { grouping: [pathActivity(session.pathId)] }),
      ...(related.other ? { other: [related.other] } : {}),
    },
    // Data §2.4.6.s4.b2: platform only when the object is an Activity, which it always is here.
    platform: PLATFORM,
    extensions,
  };
}

function build(
  verb: VerbName,
  event: LmsEvent,
  object: Activity,
  context: Context,
  result?: Result,
): Statement {
  return {
    id: event.statementId ?? randomUUID(),
    actor: learnerAgent(event.learner.userId),
    verb: VERBS[verb],
    object,
    ...(result ? { result } : {}),
    context,
    timestamp: event.timestamp,
  };
}

/** Statements about a session: the session is the object, its module the parent. */
function sessionStatement(verb: VerbName, event: LmsEvent, result?: Result): Statement {
  const context = lmsContext(event, { parent: moduleActivity(event.session) });
  return build(verb, event, sessionActivity(event.session), context, result);
}

/** The learner registered (enrolled) for a session. */
export function registeredStatement(event: LmsEvent): Statement {
  return sessionStatement('registered', event);
}

/** Alias: enrolment is registration in xAPI terms. */
export const enrolledStatement = registeredStatement;

/** The learner was put on the session's waiting list. */
export function waitlistedStatement(event: LmsEvent): Statement {
  return sessionStatement('waitlisted', event);
}

/** The learner cancelled their registration (or waiting-list place). */
export function unregisteredStatement(event: LmsEvent): Statement {
  return sessionStatement('unregistered', event);
}

/** The learner attended the session; `durationMinutes`, when known, becomes result.duration. */
export function attendedStatement(event: LmsEvent & { durationMinutes?: number }): Statement {
  const minutes = event.durationMinutes;
  return sessionStatement(
    'attended',
    event,
    minutes === undefined ? undefined : { duration: `PT${minutes}M` },
  );
}

/**
 * The learner completed the module (through this session): the module is the object, the session an "other"
 * context Activity. `success`, when the module has a pass mark, becomes result.success.
 */
export function completedStatement(event: LmsEvent & { success?: boolean }): Statement {
  const context = lmsContext(event, { other: sessionActivity(event.session) });
  const result: Result = {
    completion: true,
    ...(event.success === undefined ? {} : { success: event.success }),
  };
  return build('completed', event, moduleActivity(event.session), context, result);
}

export interface Rating {
  /** The rating given, between min and max. */
  value: number;
  /** Lowest possible rating (default 1). */
  min?: number;
  /** Highest possible rating (default 5). */
  max?: number;
  /** Free-text comment: result.response. */
  comment?: string;
}

/** The learner rated the session: result.score holds the rating, result.response the comment. */
export function ratedStatement(event: LmsEvent & { rating: Rating }): Statement {
  const { value, min = 1, max = 5, comment } = event.rating;
  if (!(min < max) || value < min || value > max) {
    throw new RangeError(`rating ${value} is outside [${min}, ${max}]`);
  }
  const result: Result = {
    // Data §2.4.5.1.s3.b1: "The Score Object SHOULD include 'scaled' if a logical percent based score is known."
    score: { raw: value, min, max, scaled: (value - min) / (max - min) },
    ...(comment === undefined ? {} : { response: comment }),
  };
  return sessionStatement('rated', event, result);
}
