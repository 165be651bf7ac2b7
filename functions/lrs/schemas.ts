/** The schemas of the learning record store routes: loaded by this context's Lambda and the OpenAPI generator only. */

import { noQuery } from '@parcours/domain/api/common';
import {
  createLrsClientBody,
  lrsClientKeyParams,
  lrsClientList,
  lrsClientView,
  lrsClientWithSecret,
} from '@parcours/domain/api/lrs-clients-api';
import type { RouteSchemas } from '@parcours/http/route-types';

import type { LrsRoute } from './context.ts';

export const lrsSchemas = {
  xapi: {},
  'lrs-clients-create': {
    query: noQuery,
    body: createLrsClientBody,
    response: lrsClientWithSecret,
  },
  'lrs-clients-list': {
    query: noQuery,
    response: lrsClientList,
  },
  'lrs-clients-rotate': {
    params: lrsClientKeyParams,
    query: noQuery,
    response: lrsClientWithSecret,
  },
  'lrs-clients-revoke': {
    params: lrsClientKeyParams,
    query: noQuery,
    response: lrsClientView,
  },
} as const satisfies Record<LrsRoute, RouteSchemas>;
