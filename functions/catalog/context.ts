/**
 * Catalog & system: the public catalogue (modules, paths, sites) and the health probe. Read-only: no table write, no mail sending.
 * Route metadata only (no schema, no handler): the route table imports it; the Lambda loads `handler.ts`.
 */
import type { FunctionDef, RouteMeta } from '@parcours/http/route-types';
import { PUBLIC } from '../shared/access.ts';

export const catalogRoutes = {
  'health-get': {
    method: 'GET',
    path: '/health',
    auth: PUBLIC,
    summary: 'Which dependency answers (database, mail); 503 only when the database is down',
    tags: ['system'],
  },
  'modules-list': {
    method: 'GET',
    path: '/modules',
    auth: PUBLIC,
    summary: 'List the catalog of modules',
    tags: ['catalog'],
  },
  'modules-get': {
    method: 'GET',
    path: '/modules/{id}',
    auth: PUBLIC,
    summary: 'One module',
    tags: ['catalog'],
  },
  'paths-list': {
    method: 'GET',
    path: '/paths',
    auth: PUBLIC,
    summary: 'List the training paths',
    tags: ['catalog'],
  },
  'paths-get': {
    method: 'GET',
    path: '/paths/{id}',
    auth: PUBLIC,
    summary: 'One training path',
    tags: ['catalog'],
  },
  'sites-list': {
    method: 'GET',
    path: '/sites',
    auth: PUBLIC,
    summary: 'List the training sites and rooms',
    tags: ['catalog'],
  },
} as const satisfies Record<string, RouteMeta>;

export type CatalogRoute = keyof typeof catalogRoutes;

export const catalogContext = {
  name: 'catalog',
  routes: catalogRoutes,
  access: { table: ['GetItem', 'Query', 'DescribeTable'], mailProbe: true },
} as const satisfies FunctionDef;
