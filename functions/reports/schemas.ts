/** The schemas of the hr reports routes: loaded by this context's Lambda and the OpenAPI generator only. */

import { noQuery } from '@parcours/domain/api/common';
import {
  agentDetailView,
  agentList,
  agentParams,
  agentsQuery,
  createExportBody,
  exportParams,
  exportPartParams,
  exportView,
  pathsQuery,
  pathsReport,
  servicesQuery,
  servicesReport,
} from '@parcours/domain/api/reports-api';
import type { RouteSchemas } from '@parcours/http/route-types';

import type { ReportsRoute } from './context.ts';

export const reportsSchemas = {
  'reports-agents-list': {
    query: agentsQuery,
    response: agentList,
  },
  'reports-agents-get': {
    params: agentParams,
    query: noQuery,
    response: agentDetailView,
  },
  'reports-services': {
    query: servicesQuery,
    response: servicesReport,
  },
  'reports-paths': {
    query: pathsQuery,
    response: pathsReport,
  },
  'reports-exports-create': {
    query: noQuery,
    body: createExportBody,
    response: exportView,
  },
  'reports-exports-get': {
    params: exportParams,
    query: noQuery,
    response: exportView,
  },
  'reports-exports-continue': {
    params: exportParams,
    query: noQuery,
    response: exportView,
  },
  'reports-exports-part': {
    params: exportPartParams,
    query: noQuery,
  },
} as const satisfies Record<ReportsRoute, RouteSchemas>;
