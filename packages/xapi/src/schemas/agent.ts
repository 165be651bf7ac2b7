import '@parcours/domain/zod-locale';
import * as z from 'zod/mini';
import type {
  Account,
  Actor,
  Agent,
  AnonymousGroup,
  Authority,
  Group,
  IfiProperty,
  InverseFunctionalIdentifier,
  OAuthAuthorityGroup,
} from '../types.ts';
import { irl, mailtoIri, sha1Hex, uri } from './primitives.ts';

/**
 * Agents and Groups (xAPI 1.0.3 Data §2.4.2), in every position they appear: actor, object, context instructor and
 * team, authority, group members. The output is normalised: `objectType` is always present.
 */

export const IFI_PROPERTIES: readonly IfiProperty[] = ['mbox', 'mbox_sha1sum', 'openid', 'account'];

// xAPI 1.0.3 Data §2.4.2.4 Account Object: homePage (IRL) and name, both required.
export const accountSchema: z.ZodMiniType<Account> = z.strictObject({ homePage: irl, name: z.string() });

// xAPI 1.0.3 Data §2.4.2.3 Inverse Functional Identifier: the four properties and their types.
const ifiShape = {
  mbox: z.optional(mailtoIri),
  mbox_sha1sum: z.optional(sha1Hex),
  openid: z.optional(uri),
  account: z.optional(accountSchema),
};

interface IfiFields {
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: Account;
}

/** The IFI properties an Agent or Group object sets. */
export function ifiPropertiesOf(value: IfiFields): IfiProperty[] {
  return IFI_PROPERTIES.filter((property) => value[property] !== undefined);
}

function pickIfi(value: IfiFields): InverseFunctionalIdentifier | undefined {
  if (value.mbox !== undefined) return { mbox: value.mbox };
  if (value.mbox_sha1sum !== undefined) return { mbox_sha1sum: value.mbox_sha1sum };
  if (value.openid !== undefined) return { openid: value.openid };
  if (value.account !== undefined) return { account: value.account };
  return undefined;
}

function named(name: string | undefined): { name?: string } {
  return name === undefined ? {} : { name };
}

/**
 * Builds an Agent schema; `objectType` is passed in because its rule depends on the position: optional in an actor
 * (Data §2.4.2.1.s2 table), required when the Agent is a Statement's object (§2.4.4.2.s1.b1).
 */
function agentSchema(objectType: z.ZodMiniType<'Agent' | undefined>) {
  return z.pipe(
    z.strictObject({ objectType, name: z.optional(z.string()), ...ifiShape }).check((ctx) => {
      // xAPI 1.0.3 Data §2.4.2.1.s2.b1-b2: exactly one IFI.
      const found = ifiPropertiesOf(ctx.value);
      if (found.length !== 1) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          message:
            found.length === 0
              ? 'an Agent MUST be identified by one of mbox, mbox_sha1sum, openid or account (Data 2.4.2.1.s2.b1)'
              : `an Agent MUST NOT include more than one inverse functional identifier, found ${found.join(', ')} (Data 2.4.2.1.s2.b2)`,
        });
      }
    }),
    z.transform((value): Agent => {
      const ifi = pickIfi(value);
      return ifi ? { objectType: 'Agent', ...named(value.name), ...ifi } : z.NEVER;
    }),
  );
}

/** An Agent where objectType is optional: actor, instructor, authority. */
export const agent = agentSchema(z.optional(z.literal('Agent')));

/** An Agent used as a Statement's object: "MUST specify an 'objectType' property" (Data 2.4.4.2.s1.b1). */
export const agentAsObject = agentSchema(
  z.literal('Agent', { error: 'must be "Agent" when the Object is an Agent (Data 2.4.4.2.s1.b1)' }),
);

/** xAPI 1.0.3 Data §2.4.2.2.s4.b2 / s5.b2: a Group MUST NOT contain Group Objects in "member". */
const memberAgent = agentSchema(
  z.optional(
    z.literal('Agent', { error: 'group members MUST be Agents, not Groups (Data 2.4.2.2.s4.b2, s5.b2)' }),
  ),
);

interface GroupFields extends IfiFields {
  name?: string;
  member?: Agent[];
}

function checkGroup(ctx: z.core.ParsePayload<GroupFields>): void {
  const found = ifiPropertiesOf(ctx.value);
  if (found.length > 1) {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: `an Identified Group MUST include exactly one inverse functional identifier, found ${found.join(', ')} (Data 2.4.2.2.s5.b1)`,
    });
  } else if (found.length === 0 && (ctx.value.member === undefined || ctx.value.member.length === 0)) {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value.member,
      path: ['member'],
      message:
        'an Anonymous Group (no inverse functional identifier) MUST list its member Agents (Data 2.4.2.2.s4.b1)',
    });
  }
}

function toGroup(value: GroupFields): Group {
  const ifi = pickIfi(value);
  const base = { objectType: 'Group' as const, ...named(value.name) };
  if (ifi) return { ...base, ...(value.member === undefined ? {} : { member: value.member }), ...ifi };
  const anonymous: AnonymousGroup = { ...base, member: value.member ?? [] };
  return anonymous;
}

function groupSchema(objectTypeError?: string) {
  return z.pipe(
    z
      .strictObject({
        objectType: z.literal('Group', objectTypeError ? { error: objectTypeError } : undefined),
        name: z.optional(z.string()),
        member: z.optional(z.array(memberAgent)),
        ...ifiShape,
      })
      .check(checkGroup),
    z.transform((value) => toGroup(value)),
  );
}

/** xAPI 1.0.3 Data §2.4.2.2: objectType "Group" is required (table 1 and 2, row 1). */
export const group = groupSchema();

/** xAPI 1.0.3 Data §2.4.6.s3: context "team" is a Group. */
export const team = groupSchema('must be "Group": a context team is a Group (Data 2.4.6.s3)');

/** xAPI 1.0.3 Data §2.4.2 Actor: an Agent (objectType optional) or a Group. */
export const actor: z.ZodMiniType<Actor> = z.discriminatedUnion('objectType', [agent, group]);

/** An Agent or a Group used as a Statement's object, where objectType is mandatory (Data §2.4.4.2.s1.b1). */
export const agentOrGroupAsObject: z.ZodMiniType<Agent | Group> = z.discriminatedUnion('objectType', [
  agentAsObject,
  group,
]);

// xAPI 1.0.3 Data §2.4.9.s3.b1: "Authority MUST be an Agent, except in 3-legged OAuth, where it MUST be a Group with
// two Agents." The ADL conformance suite (XAPI-00098) reads this as an anonymous Group of exactly two members.
const oauthAuthorityGroup = z.pipe(
  group.check((ctx) => {
    const value = ctx.value;
    if (value.member?.length !== 2 || ifiPropertiesOf(value).length > 0) {
      ctx.issues.push({
        code: 'custom',
        input: value,
        message:
          'an authority Group MUST be an anonymous Group of exactly two Agents, the OAuth consumer and the user (Data 2.4.9.s3.b1)',
      });
    }
  }),
  z.transform((value): OAuthAuthorityGroup => {
    const [application, user] = value.member ?? [];
    return application && user
      ? { objectType: 'Group', ...named(value.name), member: [application, user] }
      : z.NEVER;
  }),
);

export const authority: z.ZodMiniType<Authority> = z.discriminatedUnion('objectType', [
  agent,
  oauthAuthorityGroup,
]);
