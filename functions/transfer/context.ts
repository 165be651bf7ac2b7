/**
 * Trainer transfer & evaluations: trainers and their ladder, sign-offs, evaluations, the transfer KPIs and staffing checks.
 * Route metadata only (no schema, no handler): the route table imports it; the Lambda loads `handler.ts`.
 */
import type { FunctionDef, RouteMeta } from '@parcours/http/route-types';
import { roles } from '../shared/access.ts';

export const transferRoutes = {
  'trainers-list': {
    method: 'GET',
    path: '/trainers',
    auth: roles('lab'),
    summary: 'The trainer registry: internal (home service) and external (provider organisation) trainers',
    tags: ['trainers'],
  },
  'trainers-get': {
    method: 'GET',
    path: '/trainers/{id}',
    auth: roles('trainer', 'lab'),
    summary: 'One registry entry (a trainer: their own; the lab: anyone)',
    tags: ['trainers'],
  },
  'trainers-put': {
    method: 'PUT',
    path: '/trainers/{id}',
    auth: roles('lab'),
    summary: 'Create or update a registry entry; a change of kind (internal/external) applies from now on',
    tags: ['trainers'],
  },
  'trainer-ladder-get': {
    method: 'GET',
    path: '/trainers/{id}/ladder',
    auth: roles('trainer', 'lab'),
    summary:
      "A trainer's facilitation ladder per module, computed from the sessions facilitated, attendance, ratings and sign-offs (a trainer: their own)",
    tags: ['trainers'],
  },
  'trainer-sign-offs-create': {
    method: 'POST',
    path: '/trainers/{id}/sign-offs',
    auth: roles('trainer', 'lab'),
    summary:
      'Sign a ladder step off (a certified lead of the module or the lab, when its criteria are met; the lab may recognise a prior qualification)',
    tags: ['trainers'],
    successStatus: 201,
  },
  'me-evaluations-pending': {
    method: 'GET',
    path: '/me/evaluations/pending',
    auth: roles('learner'),
    summary: 'The satisfaction questionnaires I can fill in or still edit, until they close',
    tags: ['me', 'evaluations'],
  },
  'session-evaluation-put': {
    method: 'PUT',
    path: '/sessions/{id}/evaluation',
    auth: roles('learner'),
    summary:
      'Respond to (201) or edit (200) my evaluation of a session I attended, until the window closes (anonymous)',
    tags: ['evaluations'],
  },
  'session-evaluation-window-put': {
    method: 'PUT',
    path: '/sessions/{id}/evaluation-window',
    auth: roles('lab'),
    summary: "Move the closing date of a session's evaluation (close early or extend; recorded)",
    tags: ['evaluations'],
  },
  'evaluations-aggregates': {
    method: 'GET',
    path: '/evaluations/aggregates',
    auth: roles('trainer', 'hr', 'lab'),
    summary:
      'Satisfaction aggregates by session, module, site, path, trainer, lead kind or quarter; fewer than 3 responses are hidden (trainers: their own; HR: no individual)',
    tags: ['evaluations'],
  },
  'transfer-kpi': {
    method: 'GET',
    path: '/transfer/kpi',
    auth: roles('hr', 'lab'),
    summary: 'Delivery mix per month or quarter (module, path or programme) against the planned trajectory',
    tags: ['transfer'],
  },
  'transfer-forecast': {
    method: 'GET',
    path: '/transfer/forecast',
    auth: roles('hr', 'lab'),
    summary: 'Forecast date of 100% internal delivery per module (trend and ladder pipeline)',
    tags: ['transfer'],
  },
  'transfer-alerts': {
    method: 'GET',
    path: '/transfer/alerts',
    auth: roles('hr', 'lab'),
    summary: 'Stalled modules, internal-led satisfaction drops, modules behind plan',
    tags: ['transfer'],
  },
  'transfer-quality': {
    method: 'GET',
    path: '/transfer/quality',
    auth: roles('hr', 'lab'),
    summary: 'Satisfaction of internal-led vs external-led (and mixed) sessions per module, with counts',
    tags: ['transfer'],
  },
  'session-staffing-check': {
    method: 'GET',
    path: '/sessions/{id}/staffing-check',
    auth: roles('lab'),
    summary: "Warnings on a session's staffing (no certified lead…) and pairing suggestions for the transfer",
    tags: ['transfer', 'sessions'],
  },
  'session-staffing-override': {
    method: 'PUT',
    path: '/sessions/{id}/staffing-override',
    auth: roles('lab'),
    summary: 'Accept a session without a certified lead (recorded with who, when and why)',
    tags: ['transfer', 'sessions'],
  },
  'transfer-staffing-check': {
    method: 'POST',
    path: '/transfer/staffing-check',
    auth: roles('lab'),
    summary: 'The same checks and suggestions for a staffing not scheduled yet',
    tags: ['transfer'],
  },
  'transfer-aggregates-verify': {
    method: 'POST',
    path: '/transfer/aggregates/verify',
    auth: roles('lab'),
    summary:
      'Recompute the transfer aggregates from the source records and compare with the stored ones (read-only)',
    tags: ['transfer'],
  },
} as const satisfies Record<string, RouteMeta>;

export type TransferRoute = keyof typeof transferRoutes;

export const transferContext = {
  name: 'transfer',
  routes: transferRoutes,
  access: { table: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'ConditionCheckItem'] },
} as const satisfies FunctionDef;
