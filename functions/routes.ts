/**
 * THE route table: every function of the system and what triggers it. The CDK stack builds Lambdas, API routes,
 * authorizers, grants and schedules from it; the local stack serves and ticks from it; the OpenAPI document and the
 * authorization matrix test are generated from it. Adding a route = one entry here + `functions/<name>/handler.ts`.
 */
import {
  healthView,
  meView,
  moduleList,
  moduleView,
  pathList,
  pathView,
  siteList,
} from '@parcours/domain/api/catalog-api';
import { idParams, noQuery, opaqueIdParams } from '@parcours/domain/api/common';
import {
  attendanceBody,
  attendanceResult,
  cancelEnrolmentBody,
  enrolBody,
  enrolmentIdParams,
  enrolmentList,
  enrolmentView,
  joinPathResult,
  progressView,
} from '@parcours/domain/api/sessions-api';
import type { Role } from '@parcours/domain/roles';
import type { FunctionDef, HttpTrigger, RouteAuth } from '@parcours/http/route-types';

const PUBLIC = { kind: 'public' } as const satisfies RouteAuth;
const roles = (...r: Role[]) => ({ kind: 'roles', roles: r }) as const satisfies RouteAuth;
const ANY_SIGNED_IN = roles('learner', 'trainer', 'hr', 'lab');

const READ = { table: 'read' } as const;
const WRITE = { table: 'write' } as const;

export const httpRoutes = {
  'health-get': {
    method: 'GET',
    path: '/health',
    auth: PUBLIC,
    summary: 'Liveness and table reachability',
    tags: ['system'],
    query: noQuery,
    response: healthView,
  },
  'openapi-get': {
    method: 'GET',
    path: '/openapi.json',
    auth: PUBLIC,
    summary: 'This OpenAPI 3.1 document',
    tags: ['system'],
    query: noQuery,
  },
  'modules-list': {
    method: 'GET',
    path: '/modules',
    auth: PUBLIC,
    summary: 'List the catalog of modules',
    tags: ['catalog'],
    query: noQuery,
    response: moduleList,
  },
  'modules-get': {
    method: 'GET',
    path: '/modules/{id}',
    auth: PUBLIC,
    summary: 'One module',
    tags: ['catalog'],
    params: idParams,
    query: noQuery,
    response: moduleView,
  },
  'paths-list': {
    method: 'GET',
    path: '/paths',
    auth: PUBLIC,
    summary: 'List the training paths',
    tags: ['catalog'],
    query: noQuery,
    response: pathList,
  },
  'paths-get': {
    method: 'GET',
    path: '/paths/{id}',
    auth: PUBLIC,
    summary: 'One training path',
    tags: ['catalog'],
    params: idParams,
    query: noQuery,
    response: pathView,
  },
  'sites-list': {
    method: 'GET',
    path: '/sites',
    auth: PUBLIC,
    summary: 'List the training sites and rooms',
    tags: ['catalog'],
    query: noQuery,
    response: siteList,
  },
  'me-get': {
    method: 'GET',
    path: '/me',
    auth: ANY_SIGNED_IN,
    summary: 'Who am I: identity and roles',
    tags: ['me'],
    query: noQuery,
    response: meView,
  },
  // --- sessions (LMS core) ---
  // --- enrolments, attendance, progress (LMS core) ---
  'enrolments-create': {
    method: 'POST',
    path: '/sessions/{id}/enrolments',
    auth: roles('learner', 'lab'),
    summary: 'Enrol in a session (a learner: themself; the lab: anyone). Full sessions waitlist in FIFO order.',
    tags: ['enrolments'],
    params: opaqueIdParams,
    query: noQuery,
    body: enrolBody,
    response: enrolmentView,
    successStatus: 201,
  },
  'enrolments-cancel': {
    method: 'POST',
    path: '/enrolments/{id}/cancel',
    auth: roles('learner', 'lab'),
    summary: 'Cancel an enrolment; the head of the waitlist takes the seat atomically',
    tags: ['enrolments'],
    params: enrolmentIdParams,
    query: noQuery,
    body: cancelEnrolmentBody,
    response: enrolmentView,
  },
  'me-enrolments': {
    method: 'GET',
    path: '/me/enrolments',
    auth: roles('learner'),
    summary: 'My enrolments, with waitlist positions',
    tags: ['me', 'enrolments'],
    query: noQuery,
    response: enrolmentList,
  },
  'session-enrolments-list': {
    method: 'GET',
    path: '/sessions/{id}/enrolments',
    auth: roles('lab', 'trainer'),
    summary: "A session's enrolments and waitlist (the lab; the session's facilitators)",
    tags: ['enrolments'],
    params: opaqueIdParams,
    query: noQuery,
    response: enrolmentList,
  },
  'attendance-put': {
    method: 'PUT',
    path: '/sessions/{id}/attendance',
    auth: roles('trainer', 'lab'),
    summary: 'Take attendance (present completes the module and grants its competencies)',
    tags: ['attendance'],
    params: opaqueIdParams,
    query: noQuery,
    body: attendanceBody,
    response: attendanceResult,
  },
  'me-progress': {
    method: 'GET',
    path: '/me/progress',
    auth: roles('learner'),
    summary: 'My progress per path: entry module, electives N of M, competencies, what remains',
    tags: ['me', 'progress'],
    query: noQuery,
    response: progressView,
  },
  'me-paths-join': {
    method: 'POST',
    path: '/me/paths/{id}',
    auth: roles('learner'),
    summary: 'Join a path (idempotent; joining after the cohort started makes me a newcomer with a catch-up plan)',
    tags: ['me', 'progress'],
    params: idParams,
    query: noQuery,
    response: joinPathResult,
  },
} as const satisfies Record<string, HttpTrigger>;

export type HttpRouteName = keyof typeof httpRoutes;

const accessByRoute: Record<HttpRouteName, FunctionDef['access']> = {
  'health-get': READ,
  'openapi-get': { table: 'none' },
  'modules-list': READ,
  'modules-get': READ,
  'paths-list': READ,
  'paths-get': READ,
  'sites-list': READ,
  'me-get': { table: 'none' },
  // --- sessions (LMS core) ---
  // --- enrolments, attendance, progress (LMS core) ---
  'enrolments-create': WRITE,
  'enrolments-cancel': WRITE,
  'me-enrolments': READ,
  'session-enrolments-list': READ,
  'attendance-put': WRITE,
  'me-progress': READ,
  'me-paths-join': WRITE,
};

/** Functions not triggered by HTTP. */
const backgroundFunctions: FunctionDef[] = [
  {
    name: 'reminder-tick',
    schedule: { expression: 'rate(1 minute)', localIntervalMs: 15_000 },
    access: { table: 'write', ses: true },
    timeoutSeconds: 60,
  },
  {
    name: 'stream-consumer',
    stream: { batchSize: 100 },
    access: { table: 'write' },
    timeoutSeconds: 60,
  },
];

export const functions: readonly FunctionDef[] = [
  ...(Object.entries(httpRoutes) as [HttpRouteName, HttpTrigger][]).map(([name, http]) => ({
    name,
    http,
    access: accessByRoute[name],
  })),
  ...backgroundFunctions,
];

export function handlerEntry(name: string): string {
  return `functions/${name}/handler.ts`;
}
