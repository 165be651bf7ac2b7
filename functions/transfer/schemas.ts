/** The schemas of the trainer transfer & evaluations routes: loaded by this context's Lambda and the OpenAPI generator only. */

import { noQuery } from '@parcours/domain/api/common';
import { sessionIdParams } from '@parcours/domain/api/sessions-api';
import {
  aggregatesQuery,
  aggregatesView,
  alertsQuery,
  alertsView,
  evaluationBody,
  evaluationView,
  evaluationWindowBody,
  evaluationWindowView,
  forecastQuery,
  forecastView,
  kpiQuery,
  kpiView,
  ladderQuery,
  ladderView,
  pendingEvaluationList,
  proposedStaffingBody,
  putTrainerBody,
  qualityQuery,
  qualityView,
  signOffBody,
  signOffResult,
  staffingOverrideBody,
  staffingView,
  trainerIdParams,
  trainerList,
  trainerView,
  verifyAggregatesView,
} from '@parcours/domain/api/transfer-api';
import type { RouteSchemas } from '@parcours/http/route-types';

import type { TransferRoute } from './context.ts';

export const transferSchemas = {
  'trainers-list': {
    query: noQuery,
    response: trainerList,
  },
  'trainers-get': {
    params: trainerIdParams,
    query: noQuery,
    response: trainerView,
  },
  'trainers-put': {
    params: trainerIdParams,
    query: noQuery,
    body: putTrainerBody,
    response: trainerView,
  },
  'trainer-ladder-get': {
    params: trainerIdParams,
    query: ladderQuery,
    response: ladderView,
  },
  'trainer-sign-offs-create': {
    params: trainerIdParams,
    query: noQuery,
    body: signOffBody,
    response: signOffResult,
  },
  'me-evaluations-pending': {
    query: noQuery,
    response: pendingEvaluationList,
  },
  'session-evaluation-put': {
    params: sessionIdParams,
    query: noQuery,
    body: evaluationBody,
    response: evaluationView,
  },
  'session-evaluation-window-put': {
    params: sessionIdParams,
    query: noQuery,
    body: evaluationWindowBody,
    response: evaluationWindowView,
  },
  'evaluations-aggregates': {
    query: aggregatesQuery,
    response: aggregatesView,
  },
  'transfer-kpi': {
    query: kpiQuery,
    response: kpiView,
  },
  'transfer-forecast': {
    query: forecastQuery,
    response: forecastView,
  },
  'transfer-alerts': {
    query: alertsQuery,
    response: alertsView,
  },
  'transfer-quality': {
    query: qualityQuery,
    response: qualityView,
  },
  'session-staffing-check': {
    params: sessionIdParams,
    query: noQuery,
    response: staffingView,
  },
  'session-staffing-override': {
    params: sessionIdParams,
    query: noQuery,
    body: staffingOverrideBody,
    response: staffingView,
  },
  'transfer-staffing-check': {
    query: noQuery,
    body: proposedStaffingBody,
    response: staffingView,
  },
  'transfer-aggregates-verify': {
    query: noQuery,
    response: verifyAggregatesView,
  },
} as const satisfies Record<TransferRoute, RouteSchemas>;
