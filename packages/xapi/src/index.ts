/**
 * @parcours/xapi: the pure xAPI 1.0.3 layer of the Parcours LRS (no AWS, no HTTP). Validation of incoming Statements
 * (Part Two, Data), the helpers the Statement resource needs (formats, comparison, agent keys), the Verbs Parcours
 * uses and the builders of the Statements the LMS emits.
 */

export { filterLanguageMap, parseAcceptLanguage, pickLanguage } from './accept-language.ts';
export { actorKey, agentKey, agentMatchKeys, isIdentified, normaliseMbox, sha1Mbox } from './agent-key.ts';
export { type CanonicalSources, canonicalFormat, idsFormat } from './canonical.ts';
export { canonicalJson, statementsEquivalent } from './comparison.ts';
export { isIri, isIrl, isMailtoIri, isSha1Hex, isUri, isUuid } from './formats/identifiers.ts';
export {
  durationForComparison,
  isDuration,
  isTimestamp,
  type ParsedDuration,
  type ParsedTimestamp,
  parseDuration,
  parseTimestamp,
  toUtcTimestamp,
} from './formats/iso8601.ts';
export { isLanguageTag } from './formats/language-tag.ts';
export {
  ACTIVITY_BASE,
  attendedStatement,
  completedStatement,
  enrolledStatement,
  type LmsEvent,
  type LmsLearner,
  type LmsSession,
  learnerAgent,
  moduleActivityId,
  PARCOURS_HOME_PAGE,
  PLATFORM,
  pathActivityId,
  type Rating,
  ratedStatement,
  registeredStatement,
  SESSION_START_EXTENSION,
  SITE_EXTENSION,
  sessionActivityId,
  statementIdFor,
  unregisteredStatement,
  waitlistedStatement,
} from './lms-statements.ts';
export { assignLrsProperties, type LrsAssignments } from './lrs-assignments.ts';
export {
  SIGNATURE_CONTENT_TYPE,
  SIGNATURE_USAGE_TYPE,
  type SignatureVerification,
  signatureAttachment,
  verifyStatementSignature,
} from './signature.ts';
export type * from './types.ts';
export { INTERACTION_TYPES } from './types.ts';
export {
  type AgentValidation,
  type StatementsValidation,
  type StatementValidation,
  validateAgentParameter,
  validateStatement,
  validateStatements,
} from './validate.ts';
export { PARCOURS_VERB_BASE, VERB_IRIS, VERBS, type VerbName, VOIDED_VERB_IRI } from './verbs.ts';
