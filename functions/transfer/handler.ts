import { dispatchRoutes } from '@parcours/http';
import { transferRoutes } from './context.ts';
import { handler as evaluationsAggregates } from './handlers/evaluations-aggregates.ts';
import { handler as meEvaluationsPending } from './handlers/me-evaluations-pending.ts';
import { handler as sessionEvaluationPut } from './handlers/session-evaluation-put.ts';
import { handler as sessionEvaluationWindowPut } from './handlers/session-evaluation-window-put.ts';
import { handler as sessionStaffingCheck } from './handlers/session-staffing-check.ts';
import { handler as sessionStaffingOverride } from './handlers/session-staffing-override.ts';
import { handler as trainerLadderGet } from './handlers/trainer-ladder-get.ts';
import { handler as trainerSignOffsCreate } from './handlers/trainer-sign-offs-create.ts';
import { handler as trainersGet } from './handlers/trainers-get.ts';
import { handler as trainersList } from './handlers/trainers-list.ts';
import { handler as trainersPut } from './handlers/trainers-put.ts';
import { handler as transferAggregatesVerify } from './handlers/transfer-aggregates-verify.ts';
import { handler as transferAlerts } from './handlers/transfer-alerts.ts';
import { handler as transferForecast } from './handlers/transfer-forecast.ts';
import { handler as transferKpi } from './handlers/transfer-kpi.ts';
import { handler as transferQuality } from './handlers/transfer-quality.ts';
import { handler as transferStaffingCheck } from './handlers/transfer-staffing-check.ts';

/** The trainer transfer & evaluations Lambda: one function for the context's routes, dispatched on API Gateway's route key. */
export const handler = dispatchRoutes(transferRoutes, {
  'trainers-list': trainersList,
  'trainers-get': trainersGet,
  'trainers-put': trainersPut,
  'trainer-ladder-get': trainerLadderGet,
  'trainer-sign-offs-create': trainerSignOffsCreate,
  'me-evaluations-pending': meEvaluationsPending,
  'session-evaluation-put': sessionEvaluationPut,
  'session-evaluation-window-put': sessionEvaluationWindowPut,
  'evaluations-aggregates': evaluationsAggregates,
  'transfer-kpi': transferKpi,
  'transfer-forecast': transferForecast,
  'transfer-alerts': transferAlerts,
  'transfer-quality': transferQuality,
  'session-staffing-check': sessionStaffingCheck,
  'session-staffing-override': sessionStaffingOverride,
  'transfer-staffing-check': transferStaffingCheck,
  'transfer-aggregates-verify': transferAggregatesVerify,
});
