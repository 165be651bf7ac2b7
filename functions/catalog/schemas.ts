/** The schemas of the catalog & system routes: loaded by this context's Lambda and the OpenAPI generator only. */

import {
  healthView,
  moduleList,
  moduleView,
  pathList,
  pathView,
  siteList,
} from '@parcours/domain/api/catalog-api';
import { idParams, noQuery } from '@parcours/domain/api/common';
import type { RouteSchemas } from '@parcours/http/route-types';

import type { CatalogRoute } from './context.ts';

export const catalogSchemas = {
  'health-get': {
    query: noQuery,
    response: healthView,
  },
  'modules-list': {
    query: noQuery,
    response: moduleList,
  },
  'modules-get': {
    params: idParams,
    query: noQuery,
    response: moduleView,
  },
  'paths-list': {
    query: noQuery,
    response: pathList,
  },
  'paths-get': {
    params: idParams,
    query: noQuery,
    response: pathView,
  },
  'sites-list': {
    query: noQuery,
    response: siteList,
  },
} as const satisfies Record<CatalogRoute, RouteSchemas>;
