import { dispatchRoutes } from '@parcours/http';
import { peopleRoutes } from './context.ts';
import { handler as auditList } from './handlers/audit-list.ts';
import { handler as meDataExport } from './handlers/me-data-export.ts';
import { handler as meGet } from './handlers/me-get.ts';
import { handler as mePreferencesGet } from './handlers/me-preferences-get.ts';
import { handler as mePreferencesPut } from './handlers/me-preferences-put.ts';
import { handler as meProfileGet } from './handlers/me-profile-get.ts';
import { handler as meProfilePut } from './handlers/me-profile-put.ts';
import { handler as meSignIn } from './handlers/me-sign-in.ts';
import { handler as notificationsFailedList } from './handlers/notifications-failed-list.ts';
import { handler as notificationsFailedResend } from './handlers/notifications-failed-resend.ts';
import { handler as peopleDataExport } from './handlers/people-data-export.ts';
import { handler as peopleErasure } from './handlers/people-erasure.ts';
import { handler as peopleGet } from './handlers/people-get.ts';
import { handler as peopleList } from './handlers/people-list.ts';
import { handler as peopleRolesPut } from './handlers/people-roles-put.ts';
import { handler as peopleServicePut } from './handlers/people-service-put.ts';
import { handler as preferencesUnsubscribe } from './handlers/preferences-unsubscribe.ts';
import { handler as preferencesUnsubscribePost } from './handlers/preferences-unsubscribe-post.ts';

/** The people & privacy Lambda: one function for the context's routes, dispatched on API Gateway's route key. */
export const handler = dispatchRoutes(peopleRoutes, {
  'me-get': meGet,
  'me-sign-in': meSignIn,
  'me-profile-get': meProfileGet,
  'me-profile-put': meProfilePut,
  'me-preferences-get': mePreferencesGet,
  'me-preferences-put': mePreferencesPut,
  'preferences-unsubscribe': preferencesUnsubscribe,
  'preferences-unsubscribe-post': preferencesUnsubscribePost,
  'me-data-export': meDataExport,
  'people-list': peopleList,
  'people-get': peopleGet,
  'people-roles-put': peopleRolesPut,
  'people-service-put': peopleServicePut,
  'people-data-export': peopleDataExport,
  'people-erasure': peopleErasure,
  'audit-list': auditList,
  'notifications-failed-list': notificationsFailedList,
  'notifications-failed-resend': notificationsFailedResend,
});
