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
import { idParams, noQuery } from '@parcours/domain/api/common';
import type { Role } from '@parcours/domain/roles';
import type { FunctionDef, HttpTrigger, RouteAuth } from '@parcours/http/route-types';

const PUBLIC: RouteAuth = { kind: 'public' };
const roles = (...r: Role[]): RouteAuth => ({ kind: 'roles', roles: r });
const ANY_SIGNED_IN = roles('learner', 'trainer', 'hr', 'lab');

const READ = { table: 'read' } as const;

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
