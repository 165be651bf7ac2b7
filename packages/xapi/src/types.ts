/**
 * xAPI 1.0.3 Statement types, as returned by `validateStatement`: normalised, so every Agent, Group and Activity
 * carries its `objectType` and every contextActivities value is an array. That makes each polymorphic position a
 * discriminated union on `objectType`, which is what the rest of the LRS switches on.
 *
 * Section numbers refer to the xAPI 1.0.3 specification, Part Two "Data" (xAPI-Data.md), unless marked
 * "Communication" (Part Three, xAPI-Communication.md).
 */

/** Any JSON value: the type of extension values, which the LRS MUST NOT validate (Data §4.1.s3.b2). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * xAPI 1.0.3 Data §4.2 Language Maps: "a dictionary where the key is a RFC 5646 Language Tag, and the value is a
 * string in the language specified in the tag".
 */
export type LanguageMap = Record<string, string>;

/** xAPI 1.0.3 Data §4.1 Extensions: "The keys of an extensions map MUST be IRIs." Values are any JSON. */
export type Extensions = Record<string, JsonValue>;

/** xAPI 1.0.3 Data §2.4.2.4 Account Object. */
export interface Account {
  /** IRL: "The canonical home page for the system the account is on." */
  homePage: string;
  /** "The unique id or name used to log in to this account." */
  name: string;
}

/**
 * xAPI 1.0.3 Data §2.4.2.3 Inverse Functional Identifier. An Agent "MUST be identified by one (1) of the four types"
 * and "MUST NOT include more than one" (§2.4.2.1.s2.b1-b2): modelled as four mutually exclusive shapes.
 */
export type InverseFunctionalIdentifier =
  | { mbox: string; mbox_sha1sum?: never; openid?: never; account?: never }
  | { mbox?: never; mbox_sha1sum: string; openid?: never; account?: never }
  | { mbox?: never; mbox_sha1sum?: never; openid: string; account?: never }
  | { mbox?: never; mbox_sha1sum?: never; openid?: never; account: Account };

/** The name of the IFI property an Agent or Identified Group uses. */
export type IfiProperty = 'mbox' | 'mbox_sha1sum' | 'openid' | 'account';

// xAPI 1.0.3 Data §2.4.2.1 When the Actor objectType is Agent: "An Agent (an individual) is a persona or system."
export type Agent = { objectType: 'Agent'; name?: string } & InverseFunctionalIdentifier;

// xAPI 1.0.3 Data §2.4.2.2 When the Actor ObjectType is Group: an Identified Group "MUST include exactly one (1)
// Inverse Functional Identifier" (s5.b1) and MAY list members, which are Agents only (s5.b2).
export type IdentifiedGroup = {
  objectType: 'Group';
  name?: string;
  member?: Agent[];
} & InverseFunctionalIdentifier;

// xAPI 1.0.3 Data §2.4.2.2: an Anonymous Group "MUST include a 'member' property listing constituent Agents"
// (s4.b1) and has no IFI. Each Anonymous Group is distinct even with identical members (s3.b1).
export interface AnonymousGroup {
  objectType: 'Group';
  name?: string;
  member: Agent[];
  mbox?: never;
  mbox_sha1sum?: never;
  openid?: never;
  account?: never;
}

export type Group = IdentifiedGroup | AnonymousGroup;

/** xAPI 1.0.3 Data §2.4.2 Actor: "The Actor of a Statement can be an Agent or a Group." */
export type Actor = Agent | Group;

/**
 * xAPI 1.0.3 Data §2.4.9 Authority: "Authority MUST be an Agent, except in 3-legged OAuth, where it MUST be a Group
 * with two Agents" (the application and the user).
 */
export type OAuthAuthorityGroup = Omit<AnonymousGroup, 'member'> & { member: [Agent, Agent] };
export type Authority = Agent | OAuthAuthorityGroup;

/** xAPI 1.0.3 Data §2.4.3 Verb. */
export interface Verb {
  /** IRI; "A system reading a Statement MUST use the Verb IRI to infer meaning" (s4.b1). */
  id: string;
  /** Human-readable only; MUST NOT be used to infer meaning (s7.b2). */
  display?: LanguageMap;
}

/** xAPI 1.0.3 Data §2.4.4.1.s8 interactionType values (matched case-sensitively, §2.2.s4.b1.b6). */
export const INTERACTION_TYPES = [
  'true-false',
  'choice',
  'fill-in',
  'long-fill-in',
  'matching',
  'performance',
  'sequencing',
  'likert',
  'numeric',
  'other',
] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

/** xAPI 1.0.3 Data §2.4.4.1.s15 Interaction Components. */
export interface InteractionComponent {
  /** "Within an array of interaction components, all id values MUST be distinct" (s16.b1). */
  id: string;
  description?: LanguageMap;
}

/** The interaction component lists of Data §2.4.4.1.s15 table 2. */
export type InteractionComponentList = 'choices' | 'scale' | 'source' | 'target' | 'steps';

/** xAPI 1.0.3 Data §2.4.4.1.s2 Activity Definition, with the Interaction Activity properties of s8. */
export interface ActivityDefinition {
  name?: LanguageMap;
  description?: LanguageMap;
  /** IRI of the Activity type. */
  type?: string;
  /** IRL of a human-readable document about the Activity. */
  moreInfo?: string;
  interactionType?: InteractionType;
  correctResponsesPattern?: string[];
  /** For `choice` and `sequencing`. */
  choices?: InteractionComponent[];
  /** For `likert`. */
  scale?: InteractionComponent[];
  /** For `matching`. */
  source?: InteractionComponent[];
  /** For `matching`. */
  target?: InteractionComponent[];
  /** For `performance`. */
  steps?: InteractionComponent[];
  extensions?: Extensions;
}

// xAPI 1.0.3 Data §2.4.4.1 When the ObjectType is Activity. objectType "MUST be Activity when present" and is
// "assumed to be Activity" when absent (§2.4.4.s2); normalisation fills it in.
export interface Activity {
  objectType: 'Activity';
  /** IRI: "An identifier for a single unique Activity". */
  id: string;
  definition?: ActivityDefinition;
}

// xAPI 1.0.3 Data §2.4.4.3.s2 Statement References: "MUST specify an 'objectType' property with the value
// StatementRef" and "MUST set the 'id' property to the UUID of a Statement".
export interface StatementRef {
  objectType: 'StatementRef';
  id: string;
}

/** xAPI 1.0.3 Data §2.4.5.1 Score. */
export interface Score {
  /** "Decimal number between -1 and 1, inclusive". */
  scaled?: number;
  /** "Decimal number between min and max (if present, otherwise unrestricted), inclusive". */
  raw?: number;
  /** "Decimal number less than max (if present)". */
  min?: number;
  /** "Decimal number greater than min (if present)". */
  max?: number;
}

/** xAPI 1.0.3 Data §2.4.5 Result. */
export interface Result {
  score?: Score;
  success?: boolean;
  completion?: boolean;
  response?: string;
  /** ISO 8601 duration (Data §4.6); compared as a string (§2.3.1.b8). */
  duration?: string;
  extensions?: Extensions;
}

/**
 * xAPI 1.0.3 Data §2.4.6.2 ContextActivities. Values arrive as a single Activity or an array; "The LRS MUST return
 * every value in the contextActivities Object as an array" (s4.b3), so the normalised type is always an array.
 */
export interface ContextActivities {
  parent?: Activity[];
  grouping?: Activity[];
  category?: Activity[];
  other?: Activity[];
}

/** xAPI 1.0.3 Data §2.4.6 Context. */
export interface Context {
  /** UUID of the registration (attempt, session, enrolment...) the Statement belongs to. */
  registration?: string;
  /** "Agent (MAY be a Group)". */
  instructor?: Actor;
  /** A Group only. */
  team?: Group;
  contextActivities?: ContextActivities;
  /** "MUST only be used if the Statement's Object is an Activity" (s4.b1). */
  revision?: string;
  /** "MUST only be used if the Statement's Object is an Activity" (s4.b2). */
  platform?: string;
  /** RFC 5646 language tag. */
  language?: string;
  statement?: StatementRef;
  extensions?: Extensions;
}

/** xAPI 1.0.3 Data §2.4.11 Attachments. */
export interface Attachment {
  /** IRI identifying the usage, e.g. `http://adlnet.gov/expapi/attachments/signature`. */
  usageType: string;
  display: LanguageMap;
  description?: LanguageMap;
  /** Internet Media Type (RFC 2046). */
  contentType: string;
  /** Length of the attachment data in octets. */
  length: number;
  /** SHA-2 hash (hex) of the attachment data: "always required, even if fileURL is also specified". */
  sha2: string;
  /** IRL the data can be retrieved from. */
  fileUrl?: string;
}

/** The parts a Statement and a SubStatement share (a SubStatement "MUST be validated as a Statement"). */
interface StatementCore<TObject> {
  actor: Actor;
  verb: Verb;
  object: TObject;
  result?: Result;
  context?: Context;
  /** ISO 8601 timestamp (Data §4.5). A SubStatement MAY use a future time (§2.4.7.s3.b5). */
  timestamp?: string;
  attachments?: Attachment[];
}

/** Objects a SubStatement may have: anything but another SubStatement (Data §2.4.4.3.s8.b4). */
export type SubStatementObject = Activity | Agent | Group | StatementRef;

// xAPI 1.0.3 Data §2.4.4.3.s6 SubStatements: "MUST NOT have the 'id', 'stored', 'version' or 'authority'
// properties" (s8.b3) and "MUST NOT contain a SubStatement of its own" (s8.b4).
export interface SubStatement extends StatementCore<SubStatementObject> {
  objectType: 'SubStatement';
}

/** xAPI 1.0.3 Data §2.4.4 Object: "an Activity, Agent/Group, SubStatement, or Statement Reference". */
export type StatementObject = SubStatementObject | SubStatement;

/** xAPI 1.0.3 Data §2.4 Statement Properties. */
export interface Statement extends StatementCore<StatementObject> {
  /** UUID; "MUST be generated by the LRS if a Statement is received without an id" (§2.4.1.s2.b1). */
  id?: string;
  /** Set by the LRS, which "MUST overwrite any value currently in the 'stored' property" (§2.4.8.s3.b2). */
  stored?: string;
  authority?: Authority;
  /** "An LRS MUST reject all Statements with a version specified that does not start with 1.0." (§2.4.10.s3.b2). */
  version?: string;
}

/** A Statement as the LRS holds it once stored: the LRS-assigned properties are present. */
export type StoredStatement = Statement & {
  id: string;
  stored: string;
  authority: Authority;
  version: string;
};
