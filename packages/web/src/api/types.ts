/**
 * The answer and body types the views use, taken from `schema.d.ts` (generated from the OpenAPI document by
 * `npm run generate:api`): never written by hand a second time.
 */
import type { operations } from './schema.d.ts';

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;
/** The JSON answer of an operation on success (200 or 201). */
export type Answer<Op extends keyof operations> = operations[Op]['responses'] extends infer R
  ? R extends { 200: infer S }
    ? JsonOf<S>
    : R extends { 201: infer S }
      ? JsonOf<S>
      : never
  : never;
/** The JSON body an operation accepts. */
export type Body<Op extends keyof operations> = operations[Op] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type Items<T> = { items: T[] };

export type Me = Answer<'me-get'>;
export type Module = Answer<'modules-get'>;
export type Path = Answer<'paths-get'>;
export type Site = Answer<'sites-list'>['items'][number];
export type Session = Answer<'sessions-get'>;
export type Enrolment = Answer<'session-enrolments-list'>['items'][number];
export type Facilitation = Answer<'me-facilitations'>['items'][number];
export type Progress = Answer<'me-progress'>;
export type Suggested = Answer<'me-sessions-suggested'>;

// --- trainer transfer & evaluations ---
export type PendingEvaluations = Answer<'me-evaluations-pending'>;
export type PendingEvaluation = PendingEvaluations['items'][number];
export type EvaluationInput = Body<'session-evaluation-put'>;
export type EvaluationResponse = Answer<'session-evaluation-put'>;
export type Ladder = Answer<'trainer-ladder-get'>;
export type LadderState = Ladder['modules'][number];
export type Kpi = Answer<'transfer-kpi'>;
export type KpiPoint = Kpi['points'][number];
export type Forecast = Answer<'transfer-forecast'>;
export type Alerts = Answer<'transfer-alerts'>;
export type Quality = Answer<'transfer-quality'>;
export type Trainer = Answer<'trainers-list'>['items'][number];

// --- HR reports ---
export type ServicesReport = Answer<'reports-services'>;
export type ServiceMatrix = ServicesReport['total'];
export type AgentPage = Answer<'reports-agents-list'>;
export type AgentRow = AgentPage['items'][number];
export type AgentDetail = Answer<'reports-agents-get'>;
export type ExportInput = Body<'reports-exports-create'>;
export type ExportJob = Answer<'reports-exports-create'>;

// --- people ---
export type SignInAnswer = Answer<'me-sign-in'>;
export type PersonView = Answer<'people-list'>['items'][number];
export type PersonPage = Answer<'people-get'>;
export type PersonRole = PersonView['roles'][number];
export type GrantableRole = Body<'people-roles-put'>['roles'][number];
export type CatalogService = Answer<'services-list'>['items'][number];
