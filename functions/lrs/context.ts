/**
 * Learning Record Store: the xAPI LRS and the credentials of its clients.
 * Route metadata only (no schema, no handler): the route table imports it; the Lambda loads `handler.ts`.
 */
import type { FunctionDef, RouteMeta } from '@parcours/http/route-types';
import { roles, TABLE_READ_WRITE } from '../shared/access.ts';

export const lrsRoutes = {
  xapi: {
    method: 'ANY',
    path: '/xapi/{proxy+}',
    auth: { kind: 'lrs-basic' },
    summary:
      'xAPI 1.0.3 LRS: statements, activities/state, activities/profile, agents/profile, activities, agents, about (HTTP Basic LRS credentials; see docs/xapi-lrs.md)',
    tags: ['xapi'],
    // The LRS parses its own bodies (JSON, multipart/mixed, form-encoded alternate syntax) and headers.
    raw: true,
  },
  'lrs-clients-create': {
    method: 'POST',
    path: '/lrs/clients',
    auth: roles('lab'),
    summary: 'Create LRS client credentials (key + secret; the secret is shown once)',
    tags: ['xapi'],
    successStatus: 201,
  },
  'lrs-clients-list': {
    method: 'GET',
    path: '/lrs/clients',
    auth: roles('lab'),
    summary: 'List LRS client credentials (never their secrets)',
    tags: ['xapi'],
  },
  'lrs-clients-rotate': {
    method: 'POST',
    path: '/lrs/clients/{id}/rotate',
    auth: roles('lab'),
    summary:
      'Replace the secret of LRS client credentials (the old one stops working at once; the new one is shown once)',
    tags: ['xapi'],
  },
  'lrs-clients-revoke': {
    method: 'POST',
    path: '/lrs/clients/{id}/revoke',
    auth: roles('lab'),
    summary: 'Revoke LRS client credentials (effective on the next request; idempotent)',
    tags: ['xapi'],
  },
} as const satisfies Record<string, RouteMeta>;

export type LrsRoute = keyof typeof lrsRoutes;

export const lrsContext = {
  name: 'lrs',
  routes: lrsRoutes,
  access: { table: TABLE_READ_WRITE },
} as const satisfies FunctionDef;
