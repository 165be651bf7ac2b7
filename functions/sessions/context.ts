/**
 * Sessions & enrolments: sessions, enrolments and waitlists, attendance, a learner's progress, path joining, suggestions and catch-up.
 * Route metadata only (no schema, no handler): the route table imports it; the Lambda loads `handler.ts`.
 */
import type { FunctionDef, RouteMeta } from '@parcours/http/route-types';
import { ANY_SIGNED_IN, roles } from '../shared/access.ts';

export const sessionsRoutes = {
  'sessions-create': {
    method: 'POST',
    path: '/sessions',
    auth: roles('lab'),
    summary:
      'Schedule a session (trainers and room booked atomically; optional Idempotency-Key header replays the same result)',
    tags: ['sessions'],
    successStatus: 201,
  },
  'sessions-list': {
    method: 'GET',
    path: '/sessions',
    auth: ANY_SIGNED_IN,
    summary:
      'List sessions by module, site or period (default: the next 12 months), sorted by start, paginated',
    tags: ['sessions'],
  },
  'sessions-get': {
    method: 'GET',
    path: '/sessions/{id}',
    auth: ANY_SIGNED_IN,
    summary: 'One session',
    tags: ['sessions'],
  },
  'sessions-update': {
    method: 'PATCH',
    path: '/sessions/{id}',
    auth: roles('lab'),
    summary: 'Move or reconfigure a scheduled session (agendas re-checked; enrolments follow the move)',
    tags: ['sessions'],
  },
  'sessions-cancel': {
    method: 'POST',
    path: '/sessions/{id}/cancel',
    auth: roles('lab'),
    summary:
      'Cancel a session (idempotent): enrolments become session-cancelled, trainers and room are released',
    tags: ['sessions'],
  },
  'me-facilitations': {
    method: 'GET',
    path: '/me/facilitations',
    auth: roles('trainer'),
    summary: 'The sessions I facilitate, with my role: upcoming first',
    tags: ['me', 'sessions'],
  },
  'enrolments-create': {
    method: 'POST',
    path: '/sessions/{id}/enrolments',
    auth: roles('learner', 'lab'),
    summary:
      'Enrol in a session (a learner: themself; the lab: anyone). Full sessions waitlist in FIFO order.',
    tags: ['enrolments'],
    successStatus: 201,
  },
  'enrolments-cancel': {
    method: 'POST',
    path: '/enrolments/{id}/cancel',
    auth: roles('learner', 'lab'),
    summary: 'Cancel an enrolment; the head of the waitlist takes the seat atomically',
    tags: ['enrolments'],
  },
  'me-enrolments': {
    method: 'GET',
    path: '/me/enrolments',
    auth: roles('learner'),
    summary: 'My enrolments, with waitlist positions',
    tags: ['me', 'enrolments'],
  },
  'session-enrolments-list': {
    method: 'GET',
    path: '/sessions/{id}/enrolments',
    auth: roles('lab', 'trainer'),
    summary: "A session's enrolments and waitlist (the lab; the session's facilitators)",
    tags: ['enrolments'],
  },
  'attendance-put': {
    method: 'PUT',
    path: '/sessions/{id}/attendance',
    auth: roles('trainer', 'lab'),
    summary: 'Take attendance (present completes the module and grants its competencies)',
    tags: ['attendance'],
  },
  'me-progress': {
    method: 'GET',
    path: '/me/progress',
    auth: roles('learner'),
    summary: 'My progress per path: entry module, electives N of M, competencies, what remains',
    tags: ['me', 'progress'],
  },
  'me-paths-join': {
    method: 'POST',
    path: '/me/paths/{id}',
    auth: roles('learner'),
    summary:
      'Join a path (idempotent; joining after the cohort started makes me a newcomer with a catch-up plan)',
    tags: ['me', 'progress'],
  },
  'me-sessions-suggested': {
    method: 'GET',
    path: '/me/sessions/suggested',
    auth: roles('learner'),
    summary:
      'Next sessions with seats (or short waitlists) for exactly the modules I still need, entry module first',
    tags: ['me', 'progress'],
  },
  'me-catch-up': {
    method: 'GET',
    path: '/me/catch-up',
    auth: roles('learner'),
    summary: 'Catch-up plan for newcomers who joined a path after its cohort started',
    tags: ['me', 'progress'],
  },
} as const satisfies Record<string, RouteMeta>;

export type SessionsRoute = keyof typeof sessionsRoutes;

export const sessionsContext = {
  name: 'sessions',
  routes: sessionsRoutes,
  access: {
    table: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'],
  },
} as const satisfies FunctionDef;
