/**
 * Response types of the API, inferred from the same zod schemas the handlers validate with (type-only imports:
 * nothing of zod or the domain package reaches the bundle).
 */
import type { meView, moduleView, pathView, siteView } from '@parcours/domain/api/catalog-api';
import type {
  enrolmentView,
  facilitationView,
  progressView,
  sessionView,
  suggestedView,
} from '@parcours/domain/api/sessions-api';
import type { z } from 'zod';

export type Me = z.output<typeof meView>;
export type Module = z.output<typeof moduleView>;
export type Path = z.output<typeof pathView>;
export type Site = z.output<typeof siteView>;
export type Session = z.output<typeof sessionView>;
export type Enrolment = z.output<typeof enrolmentView>;
export type Facilitation = z.output<typeof facilitationView>;
export type Progress = z.output<typeof progressView>;
export type Suggested = z.output<typeof suggestedView>;
export type Items<T> = { items: T[] };

// --- trainer transfer & evaluations (packages/domain/src/api/transfer-api.ts) ---
import type {
  alertsView,
  evaluationBody,
  evaluationView,
  forecastView,
  kpiView,
  ladderStateView,
  ladderView,
  pendingEvaluationList,
  qualityView,
  trainerList,
} from '@parcours/domain/api/transfer-api';

export type PendingEvaluations = z.output<typeof pendingEvaluationList>;
export type PendingEvaluation = PendingEvaluations['items'][number];
export type EvaluationInput = z.input<typeof evaluationBody>;
export type EvaluationResponse = z.output<typeof evaluationView>;
export type Ladder = z.output<typeof ladderView>;
export type LadderState = z.output<typeof ladderStateView>;
export type Kpi = z.output<typeof kpiView>;
export type KpiPoint = Kpi['points'][number];
export type Forecast = z.output<typeof forecastView>;
export type Alerts = z.output<typeof alertsView>;
export type Quality = z.output<typeof qualityView>;
export type Trainer = z.output<typeof trainerList>['items'][number];

// --- HR reports (packages/domain/src/api/reports-api.ts) ---
import type {
  agentDetailView,
  agentList,
  createExportBody,
  exportView,
  servicesReport,
} from '@parcours/domain/api/reports-api';

export type ServicesReport = z.output<typeof servicesReport>;
export type ServiceMatrix = ServicesReport['total'];
export type AgentPage = z.output<typeof agentList>;
export type AgentRow = AgentPage['items'][number];
export type AgentDetail = z.output<typeof agentDetailView>;
export type ExportInput = z.input<typeof createExportBody>;
export type ExportJob = z.output<typeof exportView>;
