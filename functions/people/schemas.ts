/** The schemas of the people & privacy routes: loaded by this context's Lambda and the OpenAPI generator only. */

import { meView } from '@parcours/domain/api/catalog-api';
import {
  auditList,
  auditQuery,
  erasureBody,
  erasureResult,
  noQuery,
  opaqueIdParams,
  personalDataExport,
  personIdParams,
} from '@parcours/domain/api/common';
import {
  failedListQuery,
  failedNotificationList,
  preferencesBody,
  preferencesView,
  profileView,
  putProfileBody,
  resendResult,
  unsubscribeQuery,
  unsubscribeResult,
} from '@parcours/domain/api/notifications-api';
import {
  peopleList,
  peopleListQuery,
  personPage,
  personView,
  rolesBody,
  serviceBody,
  signInView,
} from '@parcours/domain/api/people-api';
import type { RouteSchemas } from '@parcours/http/route-types';

import type { PeopleRoute } from './context.ts';

export const peopleSchemas = {
  'me-get': {
    query: noQuery,
    response: meView,
  },
  'me-sign-in': {
    query: noQuery,
    response: signInView,
  },
  'me-profile-get': {
    query: noQuery,
    response: profileView,
  },
  'me-profile-put': {
    query: noQuery,
    body: putProfileBody,
    response: profileView,
  },
  'me-preferences-get': {
    query: noQuery,
    response: preferencesView,
  },
  'me-preferences-put': {
    query: noQuery,
    body: preferencesBody,
    response: preferencesView,
  },
  'preferences-unsubscribe': {
    query: unsubscribeQuery,
    response: unsubscribeResult,
  },
  'preferences-unsubscribe-post': {
    query: unsubscribeQuery,
    response: unsubscribeResult,
  },
  'me-data-export': {
    query: noQuery,
    response: personalDataExport,
  },
  'people-list': {
    query: peopleListQuery,
    response: peopleList,
  },
  'people-get': {
    params: personIdParams,
    query: noQuery,
    response: personPage,
  },
  'people-roles-put': {
    params: personIdParams,
    query: noQuery,
    body: rolesBody,
    response: personView,
  },
  'people-service-put': {
    params: personIdParams,
    query: noQuery,
    body: serviceBody,
    response: personView,
  },
  'people-data-export': {
    params: personIdParams,
    query: noQuery,
    response: personalDataExport,
  },
  'people-erasure': {
    params: personIdParams,
    query: noQuery,
    body: erasureBody,
    response: erasureResult,
  },
  'audit-list': {
    query: auditQuery,
    response: auditList,
  },
  'notifications-failed-list': {
    query: failedListQuery,
    response: failedNotificationList,
  },
  'notifications-failed-resend': {
    params: opaqueIdParams,
    query: noQuery,
    response: resendResult,
  },
} as const satisfies Record<PeopleRoute, RouteSchemas>;
