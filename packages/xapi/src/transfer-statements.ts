import {
  learnerAgent,
  moduleActivityId,
  PARCOURS_HOME_PAGE,
  PLATFORM,
  pathActivityId,
  SESSION_START_EXTENSION,
  SITE_EXTENSION,
  sessionActivityId,
  statementIdFor,
} from './lms-statements.ts';
import type { Activity, Agent, Context, JsonValue, Statement } from './types.ts';
import { VERBS } from './verbs.ts';

/**
 * Statements of the trainer transfer (docs/transfer.md, "xAPI"): facilitations (facilitated / co-facilitated /
 * observed) and satisfaction responses (rated). Pure builders; every Statement passes `validateStatement`.
 *
 * Anonymity of responses: the actor is an anonymous Agent whose account name is the response id, a random UUID that
 * is not derived from the learner (Data §2.4.2.4: an account is "an opaque account name"). No `registration` (it is
 * the learner's enrolment id), no free-text comment, nothing else that points at the learner.
 */

export const ANONYMOUS_RESPONDENT_HOME_PAGE = `${PARCOURS_HOME_PAGE}/anonymous-respondents`;
/** Result extension: whether the respondent would recommend the module. */
export const RECOMMEND_EXTENSION = `${PARCOURS_HOME_PAGE}/xapi/extensions/would-recommend`;
/** Context extension: the facilitation role (`lead`, `co-facilitator`, `shadow`, `observer`). */
export const FACILITATION_ROLE_EXTENSION = `${PARCOURS_HOME_PAGE}/xapi/extensions/facilitation-role`;
/** Context extension: who delivered the session (`internal`, `external`, `mixed`). */
export const LEAD_KIND_EXTENSION = `${PARCOURS_HOME_PAGE}/xapi/extensions/lead-kind`;

const MODULE_TYPE = 'http://adlnet.gov/expapi/activities/module';
const SESSION_TYPE = 'http://adlnet.gov/expapi/activities/meeting';
const PATH_TYPE = 'http://adlnet.gov/expapi/activities/course';

export interface TransferSessionRef {
  id: string;
  moduleId: string;
  moduleTitle: { fr: string; en: string };
  pathId?: string | undefined;
  siteId: string;
  start: string;
}

export function anonymousRespondent(responseId: string): Agent {
  return { objectType: 'Agent', account: { homePage: ANONYMOUS_RESPONDENT_HOME_PAGE, name: responseId } };
}

function sessionActivity(s: TransferSessionRef): Activity {
  const day = s.start.slice(0, 10);
  return {
    objectType: 'Activity',
    id: sessionActivityId(s.id),
    definition: {
      name: {
        'fr-FR': `${s.moduleTitle.fr} — séance du ${day}`,
        'en-US': `${s.moduleTitle.en} — session on ${day}`,
      },
      type: SESSION_TYPE,
    },
  };
}

function context(s: TransferSessionRef, extra: Record<string, JsonValue>): Context {
  return {
    contextActivities: {
      parent: [
        {
          objectType: 'Activity',
          id: moduleActivityId(s.moduleId),
          definition: { name: { 'fr-FR': s.moduleTitle.fr, 'en-US': s.moduleTitle.en }, type: MODULE_TYPE },
        },
      ],
      ...(s.pathId
        ? {
            grouping: [
              { objectType: 'Activity', id: pathActivityId(s.pathId), definition: { type: PATH_TYPE } },
            ],
          }
        : {}),
    },
    platform: PLATFORM,
    extensions: { [SITE_EXTENSION]: s.siteId, [SESSION_START_EXTENSION]: s.start, ...extra },
  };
}

const VERB_BY_ROLE = {
  lead: VERBS.facilitated,
  'co-facilitator': VERBS.coFacilitated,
  shadow: VERBS.observed,
  observer: VERBS.observed,
} as const;

/** A trainer facilitated (lead), co-facilitated or observed (observer, shadow) a session; id stable per role. */
export function facilitationStatement(input: {
  trainerId: string;
  role: keyof typeof VERB_BY_ROLE;
  session: TransferSessionRef;
  leadKind?: string | undefined;
  timestamp: string;
}): Statement {
  return {
    id: statementIdFor(`facilitation:${input.session.id}:${input.trainerId}:${input.role}`),
    actor: learnerAgent(input.trainerId),
    verb: VERB_BY_ROLE[input.role],
    object: sessionActivity(input.session),
    context: context(input.session, {
      [FACILITATION_ROLE_EXTENSION]: input.role,
      ...(input.leadKind ? { [LEAD_KIND_EXTENSION]: input.leadKind } : {}),
    }),
    timestamp: input.timestamp,
  };
}

/**
 * An anonymous attendee rated a session (overall satisfaction, scaled 0–1). One Statement per revision of the
 * response; the latest one of an actor is the response's current state.
 */
export function evaluationStatement(input: {
  responseId: string;
  revision: number;
  session: TransferSessionRef;
  overall: number;
  recommend: boolean;
  leadKind: string;
  timestamp: string;
}): Statement {
  return {
    id: statementIdFor(`evaluation:${input.responseId}:${input.revision}`),
    actor: anonymousRespondent(input.responseId),
    verb: VERBS.rated,
    object: sessionActivity(input.session),
    result: {
      score: { raw: input.overall, min: 1, max: 5, scaled: (input.overall - 1) / 4 },
      extensions: { [RECOMMEND_EXTENSION]: input.recommend },
    },
    context: context(input.session, { [LEAD_KIND_EXTENSION]: input.leadKind }),
    timestamp: input.timestamp,
  };
}
