/**
 * Catalog & system: the catalogue (modules, paths, sites, competencies, services) — read by everyone, edited by the
 * lab with versions, history and optimistic concurrency — and the health probe. No mail sending.
 * Route metadata only (no schema, no handler): the route table imports it; the Lambda loads `handler.ts`.
 */
import type { FunctionDef, RouteMeta } from '@parcours/http/route-types';
import { PUBLIC } from '../shared/access.ts';
import { deleteRoute, kindRoutes } from './kind-routes.ts';

export const catalogRoutes = {
  'health-get': {
    method: 'GET',
    path: '/health',
    auth: PUBLIC,
    summary: 'Which dependency answers (database, mail); 503 only when the database is down',
    tags: ['system'],
  },
  ...kindRoutes('modules', 'module'),
  ...deleteRoute('modules', 'module'),
  ...kindRoutes('paths', 'path'),
  ...deleteRoute('paths', 'path'),
  ...kindRoutes('sites', 'site'),
  ...deleteRoute('sites', 'site'),
  ...kindRoutes('competencies', 'competency'),
  ...deleteRoute('competencies', 'competency'),
  ...kindRoutes('services', 'service'),
} satisfies Record<string, RouteMeta>;

export type CatalogRoute = keyof typeof catalogRoutes;

export const catalogContext = {
  name: 'catalog',
  routes: catalogRoutes,
  // Edits are one transaction each: the item (Put/Update/Delete), its history entry (Put), the revision (Update).
  access: {
    table: ['GetItem', 'Query', 'DescribeTable', 'PutItem', 'UpdateItem', 'DeleteItem'],
    mailProbe: true,
  },
} as const satisfies FunctionDef;
