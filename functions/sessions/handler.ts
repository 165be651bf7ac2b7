import { dispatchRoutes } from '@parcours/http';
import { sessionsRoutes } from './context.ts';
import { handler as attendancePut } from './handlers/attendance-put.ts';
import { handler as enrolmentsCancel } from './handlers/enrolments-cancel.ts';
import { handler as enrolmentsCreate } from './handlers/enrolments-create.ts';
import { handler as meCatchUp } from './handlers/me-catch-up.ts';
import { handler as meEnrolments } from './handlers/me-enrolments.ts';
import { handler as meFacilitations } from './handlers/me-facilitations.ts';
import { handler as mePathsJoin } from './handlers/me-paths-join.ts';
import { handler as meProgress } from './handlers/me-progress.ts';
import { handler as meSessionsSuggested } from './handlers/me-sessions-suggested.ts';
import { handler as sessionEnrolmentsList } from './handlers/session-enrolments-list.ts';
import { handler as sessionsCancel } from './handlers/sessions-cancel.ts';
import { handler as sessionsCreate } from './handlers/sessions-create.ts';
import { handler as sessionsGet } from './handlers/sessions-get.ts';
import { handler as sessionsList } from './handlers/sessions-list.ts';
import { handler as sessionsUpdate } from './handlers/sessions-update.ts';

/** The sessions & enrolments Lambda: one function for the context's routes, dispatched on API Gateway's route key. */
export const handler = dispatchRoutes(sessionsRoutes, {
  'sessions-create': sessionsCreate,
  'sessions-list': sessionsList,
  'sessions-get': sessionsGet,
  'sessions-update': sessionsUpdate,
  'sessions-cancel': sessionsCancel,
  'me-facilitations': meFacilitations,
  'enrolments-create': enrolmentsCreate,
  'enrolments-cancel': enrolmentsCancel,
  'me-enrolments': meEnrolments,
  'session-enrolments-list': sessionEnrolmentsList,
  'attendance-put': attendancePut,
  'me-progress': meProgress,
  'me-paths-join': mePathsJoin,
  'me-sessions-suggested': meSessionsSuggested,
  'me-catch-up': meCatchUp,
});
