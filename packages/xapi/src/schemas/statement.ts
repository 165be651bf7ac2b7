import '@parcours/domain/zod-locale';
import * as z from 'zod/mini';
import type { Context, Statement, StatementObject, SubStatement, Verb } from '../types.ts';
import { VOIDED_VERB_IRI } from '../verbs.ts';
import { activity } from './activity.ts';
import { actor, agentAsObject, authority, group } from './agent.ts';
import { attachment } from './attachment.ts';
import { context } from './context.ts';
import { iri, languageMap, timestamp, uuid, version } from './primitives.ts';
import { result } from './result.ts';
import { statementRef } from './statement-ref.ts';

/** Statements and SubStatements (xAPI 1.0.3 Data §2.4), and the rules that span several of their properties. */

// xAPI 1.0.3 Data §2.4.3 Verb: id (IRI, required) and display (Language Map, recommended).
export const verb: z.ZodMiniType<Verb> = z.strictObject({ id: iri, display: z.optional(languageMap) });

const AGENT_PROPERTIES = ['mbox', 'mbox_sha1sum', 'openid', 'account', 'member'];

/**
 * An object without objectType is an Activity (Data §2.4.4.s2), so an Agent sent without one would otherwise fail
 * with "id is required"; this names the actual rule instead (Data §2.4.4.2.s1.b1).
 */
function objectTypeHint(ctx: z.core.ParsePayload<unknown>): void {
  const value = ctx.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  if ('objectType' in value || 'id' in value) return;
  if (AGENT_PROPERTIES.some((property) => property in value)) {
    ctx.issues.push({
      code: 'custom',
      input: value,
      path: ['objectType'],
      message: 'is required when the Object is an Agent or a Group (Data 2.4.4.2.s1.b1)',
    });
  }
}

// xAPI 1.0.3 Data §2.4.4.3.s8.b4: a SubStatement "MUST NOT contain a SubStatement of its own, i.e., cannot be nested."
const nestedSubStatement = z.pipe(
  z.looseObject({ objectType: z.literal('SubStatement') }).check((ctx) => {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      path: ['objectType'],
      message: 'a SubStatement MUST NOT contain a SubStatement (Data 2.4.4.3.s8.b4)',
    });
  }),
  z.transform(() => z.NEVER),
);

const subStatementObject = z.pipe(
  z.unknown().check(objectTypeHint),
  z.discriminatedUnion('objectType', [activity, agentAsObject, group, statementRef, nestedSubStatement]),
);

const OBJECT_TYPE_NAMES: Record<StatementObject['objectType'], string> = {
  Activity: 'an Activity',
  Agent: 'an Agent',
  Group: 'a Group',
  StatementRef: 'a StatementRef',
  SubStatement: 'a SubStatement',
};

interface StatementParts {
  verb: Verb;
  object: StatementObject;
  context?: Context;
}

/** Rules that relate properties to one another; a SubStatement "MUST be validated as a Statement" too (s8.b2). */
function checkStatementRules(ctx: z.core.ParsePayload<StatementParts>): void {
  const { verb: statementVerb, object, context: statementContext } = ctx.value;
  if (object.objectType !== 'Activity') {
    // xAPI 1.0.3 Data §2.4.6.s4.b1-b2: revision and platform "MUST only be used if the Statement's Object is an
    // Activity".
    for (const property of ['revision', 'platform'] as const) {
      if (statementContext?.[property] !== undefined) {
        ctx.issues.push({
          code: 'custom',
          input: statementContext[property],
          path: ['context', property],
          message: `MUST only be used when the Statement's Object is an Activity, not ${OBJECT_TYPE_NAMES[object.objectType]} (Data 2.4.6.s4)`,
        });
      }
    }
  }
  // xAPI 1.0.3 Data §2.3.2.s2.b1: "the Object of that voiding Statement MUST have the 'objectType' property set to
  // StatementRef".
  if (statementVerb.id === VOIDED_VERB_IRI && object.objectType !== 'StatementRef') {
    ctx.issues.push({
      code: 'custom',
      input: object.objectType,
      path: ['object', 'objectType'],
      message: `MUST be "StatementRef" in a voiding Statement (verb ${VOIDED_VERB_IRI}) (Data 2.3.2.s2.b1)`,
    });
  }
}

function forbiddenInSubStatement(property: string) {
  return z.optional(
    z.never({ error: `is not allowed: a SubStatement MUST NOT have "${property}" (Data 2.4.4.3.s8.b3)` }),
  );
}

// xAPI 1.0.3 Data §2.4.4.3.s6 SubStatements: "MUST specify an 'objectType' property with the value SubStatement"
// (s8.b1) and "MUST NOT have the 'id', 'stored', 'version' or 'authority' properties" (s8.b3).
const subStatement = z
  .strictObject({
    objectType: z.literal('SubStatement'),
    actor,
    verb,
    object: subStatementObject,
    result: z.optional(result),
    context: z.optional(context),
    timestamp: z.optional(timestamp),
    attachments: z.optional(z.array(attachment)),
    id: forbiddenInSubStatement('id'),
    stored: forbiddenInSubStatement('stored'),
    version: forbiddenInSubStatement('version'),
    authority: forbiddenInSubStatement('authority'),
  })
  .check(checkStatementRules) satisfies z.ZodMiniType<SubStatement>;

// xAPI 1.0.3 Data §2.4.4 Object: "an Activity, Agent/Group, SubStatement, or Statement Reference"; objectType
// defaults to Activity (s2).
const statementObject = z.pipe(
  z.unknown().check(objectTypeHint),
  z.discriminatedUnion('objectType', [activity, agentAsObject, group, statementRef, subStatement]),
);

// xAPI 1.0.3 Data §2.4 Statement Properties; §2.2.s2.b3: "A Statement MUST use 'actor', 'verb', and 'object'."
export const statement: z.ZodMiniType<Statement> = z
  .strictObject({
    id: z.optional(uuid),
    actor,
    verb,
    object: statementObject,
    result: z.optional(result),
    context: z.optional(context),
    timestamp: z.optional(timestamp),
    stored: z.optional(timestamp),
    authority: z.optional(authority),
    version: z.optional(version),
    attachments: z.optional(z.array(attachment)),
  })
  .check(checkStatementRules);
