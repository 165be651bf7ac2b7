/**
 * HR reports: HR reports (agents, services, paths), their exports, and the monthly HR summaries (scheduled).
 * Route metadata only (no schema, no handler): the route table imports it; the Lambda loads `handler.ts`.
 */
import type { FunctionDef, RouteMeta } from '@parcours/http/route-types';
import { roles } from '../shared/access.ts';

export const reportsRoutes = {
  'reports-agents-list': {
    method: 'GET',
    path: '/reports/agents',
    auth: roles('hr', 'lab'),
    summary:
      'Agents with their competencies (level), modules completed, sessions and path status; filters, sort, stable cursor; `format=csv` for Excel (HR: their services only)',
    tags: ['reports'],
  },
  'reports-agents-get': {
    method: 'GET',
    path: '/reports/agents/{id}',
    auth: roles('hr', 'lab'),
    summary: "One agent's competencies with their evidence (modules, dates, sessions) and path status",
    tags: ['reports'],
  },
  'reports-services': {
    method: 'GET',
    path: '/reports/services',
    auth: roles('hr', 'lab'),
    summary:
      'Per service: competency × level matrix (agent counts), coverage against the targets, agents missing the mandatory entry module',
    tags: ['reports'],
  },
  'reports-paths': {
    method: 'GET',
    path: '/reports/paths',
    auth: roles('hr', 'lab'),
    summary:
      'Per path and month (or period): enrolments, completions, attendance and no-show rates, satisfaction',
    tags: ['reports'],
  },
  'reports-exports-create': {
    method: 'POST',
    path: '/reports/exports',
    auth: roles('hr', 'lab'),
    summary:
      'Export a report (CSV for French Excel, or JSON) with the same filters, built in parts below the 6 MB response limit',
    tags: ['reports'],
    successStatus: 201,
  },
  'reports-exports-get': {
    method: 'GET',
    path: '/reports/exports/{id}',
    auth: roles('hr', 'lab'),
    summary: 'An export: status and the download link of each part',
    tags: ['reports'],
  },
  'reports-exports-continue': {
    method: 'POST',
    path: '/reports/exports/{id}/continue',
    auth: roles('hr', 'lab'),
    summary: 'Build more parts of a large export (each call stays within the time budget)',
    tags: ['reports'],
  },
  'reports-exports-part': {
    method: 'GET',
    path: '/reports/exports/{id}/parts/{part}',
    auth: roles('hr', 'lab'),
    summary:
      'Download one part of an export (gzip when accepted); the parts concatenated in order are the file',
    tags: ['reports'],
  },
} as const satisfies Record<string, RouteMeta>;

export type ReportsRoute = keyof typeof reportsRoutes;

export const reportsContext = {
  name: 'reports',
  routes: reportsRoutes,
  access: {
    table: ['GetItem', 'Query', 'PutItem', 'BatchWriteItem'],
  },
  // Last month's HR summaries, on the 1st at 06:00 UTC; idempotent per month, so the local stack ticks it hourly.
  schedule: { expression: 'cron(0 6 1 * ? *)', localIntervalMs: 3_600_000 },
  // API Gateway gives up on a request after 30 s: the function stops before it; the monthly run fits well within.
  timeoutSeconds: 29,
} as const satisfies FunctionDef;
