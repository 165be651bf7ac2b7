/** The schemas of the sessions & enrolments routes: loaded by this context's Lambda and the OpenAPI generator only. */

import { idParams, noQuery } from '@parcours/domain/api/common';
import {
  attendanceBody,
  attendanceResult,
  cancelEnrolmentBody,
  cancelSessionBody,
  catchUpView,
  createSessionBody,
  enrolBody,
  enrolmentIdParams,
  enrolmentList,
  enrolmentView,
  facilitationList,
  facilitationsQuery,
  joinPathResult,
  listSessionsQuery,
  progressView,
  sessionIdParams,
  sessionList,
  sessionView,
  suggestedQuery,
  suggestedView,
  updateSessionBody,
} from '@parcours/domain/api/sessions-api';
import type { RouteSchemas } from '@parcours/http/route-types';

import type { SessionsRoute } from './context.ts';

export const sessionsSchemas = {
  'sessions-create': {
    query: noQuery,
    body: createSessionBody,
    response: sessionView,
  },
  'sessions-list': {
    query: listSessionsQuery,
    response: sessionList,
  },
  'sessions-get': {
    params: sessionIdParams,
    query: noQuery,
    response: sessionView,
  },
  'sessions-update': {
    params: sessionIdParams,
    query: noQuery,
    body: updateSessionBody,
    response: sessionView,
  },
  'sessions-cancel': {
    params: sessionIdParams,
    query: noQuery,
    body: cancelSessionBody,
    response: sessionView,
  },
  'me-facilitations': {
    query: facilitationsQuery,
    response: facilitationList,
  },
  'enrolments-create': {
    params: sessionIdParams,
    query: noQuery,
    body: enrolBody,
    response: enrolmentView,
  },
  'enrolments-cancel': {
    params: enrolmentIdParams,
    query: noQuery,
    body: cancelEnrolmentBody,
    response: enrolmentView,
  },
  'me-enrolments': {
    query: noQuery,
    response: enrolmentList,
  },
  'session-enrolments-list': {
    params: sessionIdParams,
    query: noQuery,
    response: enrolmentList,
  },
  'attendance-put': {
    params: sessionIdParams,
    query: noQuery,
    body: attendanceBody,
    response: attendanceResult,
  },
  'me-progress': {
    query: noQuery,
    response: progressView,
  },
  'me-paths-join': {
    params: idParams,
    query: noQuery,
    response: joinPathResult,
  },
  'me-sessions-suggested': {
    query: suggestedQuery,
    response: suggestedView,
  },
  'me-catch-up': {
    query: noQuery,
    response: catchUpView,
  },
} as const satisfies Record<SessionsRoute, RouteSchemas>;
