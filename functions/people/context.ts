/**
 * People & privacy: the people the lab manages (identity, service, roles), a person's own record (profile, notification preferences, one-click unsubscribe), the RGPD rights (export, erasure), the audit log and failed notifications.
 * Route metadata only (no schema, no handler): the route table imports it; the Lambda loads `handler.ts`.
 */
import type { FunctionDef, RouteMeta } from '@parcours/http/route-types';
import { ANY_SIGNED_IN, PUBLIC, roles, TABLE_READ_WRITE } from '../shared/access.ts';

export const peopleRoutes = {
  'me-get': {
    method: 'GET',
    path: '/me',
    auth: ANY_SIGNED_IN,
    summary: 'Who am I: identity and roles',
    tags: ['me'],
  },
  'me-sign-in': {
    method: 'POST',
    path: '/me/sign-in',
    auth: ANY_SIGNED_IN,
    summary:
      'Record my sign-in: first time, creates me (learner, the service my identity maps to); later, brings my identity up to date. Says when my token is behind my roles',
    tags: ['me', 'people'],
  },
  'me-profile-get': {
    method: 'GET',
    path: '/me/profile',
    auth: ANY_SIGNED_IN,
    summary: 'My contact details for notifications (created from my sign-in token on first use)',
    tags: ['me', 'notifications'],
  },
  'me-profile-put': {
    method: 'PUT',
    path: '/me/profile',
    auth: ANY_SIGNED_IN,
    summary: 'Update my display name, e-mail language, or e-mail (only when my sign-in token has none)',
    tags: ['me', 'notifications'],
  },
  'me-preferences-get': {
    method: 'GET',
    path: '/me/preferences',
    auth: ANY_SIGNED_IN,
    summary: 'My notification preferences',
    tags: ['me', 'notifications'],
  },
  'me-preferences-put': {
    method: 'PUT',
    path: '/me/preferences',
    auth: ANY_SIGNED_IN,
    summary: 'Opt in or out of optional e-mails (reminders); essential e-mails always go',
    tags: ['me', 'notifications'],
  },
  'preferences-unsubscribe': {
    method: 'GET',
    path: '/preferences/unsubscribe',
    auth: PUBLIC,
    summary: 'One-click opt-out of optional e-mails, from the signed link in every e-mail',
    tags: ['notifications'],
  },
  'preferences-unsubscribe-post': {
    method: 'POST',
    path: '/preferences/unsubscribe',
    auth: PUBLIC,
    summary: 'RFC 8058 one-click unsubscribe (List-Unsubscribe-Post), same signed token in the query',
    tags: ['notifications'],
    // Mail providers post `List-Unsubscribe=One-Click` form-encoded: not JSON, so no JSON body middleware.
    raw: true,
  },
  'me-data-export': {
    method: 'GET',
    path: '/me/data-export',
    auth: ANY_SIGNED_IN,
    summary: 'Export all my personal data as JSON (RGPD access and portability)',
    tags: ['me', 'data-protection'],
  },
  'people-list': {
    method: 'GET',
    path: '/people',
    auth: roles('lab'),
    recheck: true,
    summary: 'People, by name: search, by role, by service, or those whose service is to be assigned (lab)',
    tags: ['people'],
  },
  'people-get': {
    method: 'GET',
    path: '/people/{id}',
    auth: roles('lab'),
    recheck: true,
    summary: "A person's page: identity, roles, service, paths, trainer registry entry (lab)",
    tags: ['people'],
  },
  'people-roles-put': {
    method: 'PUT',
    path: '/people/{id}/roles',
    auth: roles('lab'),
    summary:
      'Grant or revoke trainer, hr (with the services HR may see) and lab; effective at once for writes, at the next token for reads (lab)',
    tags: ['people'],
  },
  'people-service-put': {
    method: 'PUT',
    path: '/people/{id}/service',
    auth: roles('lab'),
    summary:
      "Assign a person's service (one to be assigned, or a correction); it then wins over the mapping (lab)",
    tags: ['people'],
  },
  'people-data-export': {
    method: 'GET',
    path: '/people/{id}/data-export',
    auth: roles('lab'),
    recheck: true,
    summary: "Export a person's data on their request (lab)",
    tags: ['data-protection'],
  },
  'people-erasure': {
    method: 'POST',
    path: '/people/{id}/erasure',
    auth: roles('lab'),
    summary:
      "Erase a person's personal data on their request (RGPD art. 17); xAPI statements are pseudonymized",
    tags: ['data-protection'],
  },
  'audit-list': {
    method: 'GET',
    path: '/audit',
    auth: roles('lab'),
    recheck: true,
    summary: 'Audit log of administrative actions, newest first, one month at a time',
    tags: ['admin'],
  },
  'notifications-failed-list': {
    method: 'GET',
    path: '/notifications/failed',
    auth: roles('lab'),
    summary:
      'Notifications that could not be delivered (no address, rejected, out of attempts), newest first',
    tags: ['notifications'],
  },
  'notifications-failed-resend': {
    method: 'POST',
    path: '/notifications/failed/{id}/resend',
    auth: roles('lab'),
    summary:
      'Send a failed notification again once its cause is fixed (its `resendKey` from the failed list)',
    tags: ['notifications'],
  },
} as const satisfies Record<string, RouteMeta>;

export type PeopleRoute = keyof typeof peopleRoutes;

export const peopleContext = {
  name: 'people',
  routes: peopleRoutes,
  access: { table: TABLE_READ_WRITE, linkSecret: true },
} as const satisfies FunctionDef;
