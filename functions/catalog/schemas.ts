/** The schemas of the catalog & system routes: loaded by this context's Lambda and the OpenAPI generator only. */

import {
  catalogHistoryView,
  competencySchemas,
  healthView,
  moduleSchemas,
  pathSchemas,
  serviceSchemas,
  siteSchemas,
  versionBody,
  versionQuery,
} from '@parcours/domain/api/catalog-api';
import { idParams, noQuery } from '@parcours/domain/api/common';
import type { RouteSchemas } from '@parcours/http/route-types';

import type { CatalogRoute } from './context.ts';

type KindSchemas = typeof moduleSchemas | typeof pathSchemas | typeof siteSchemas | typeof competencySchemas;

function kindSchemas<P extends string, S extends KindSchemas | typeof serviceSchemas>(plural: P, s: S) {
  return {
    [`${plural}-list`]: { query: noQuery, response: s.list },
    [`${plural}-get`]: { params: idParams, query: noQuery, response: s.view },
    [`${plural}-create`]: { query: noQuery, body: s.create, response: s.view },
    [`${plural}-update`]: { params: idParams, query: noQuery, body: s.update, response: s.view },
    [`${plural}-archive`]: { params: idParams, query: noQuery, body: versionBody, response: s.view },
    [`${plural}-restore`]: { params: idParams, query: noQuery, body: versionBody, response: s.view },
    [`${plural}-history`]: { params: idParams, query: noQuery, response: catalogHistoryView },
  } as unknown as Record<
    `${P}-${'list' | 'get' | 'create' | 'update' | 'archive' | 'restore' | 'history'}`,
    RouteSchemas
  >;
}

const deleteSchemas = <P extends string>(plural: P) =>
  ({ [`${plural}-delete`]: { params: idParams, query: versionQuery } }) as unknown as Record<
    `${P}-delete`,
    RouteSchemas
  >;

export const catalogSchemas = {
  'health-get': {
    query: noQuery,
    response: healthView,
  },
  ...kindSchemas('modules', moduleSchemas),
  ...deleteSchemas('modules'),
  ...kindSchemas('paths', pathSchemas),
  ...deleteSchemas('paths'),
  ...kindSchemas('sites', siteSchemas),
  ...deleteSchemas('sites'),
  ...kindSchemas('competencies', competencySchemas),
  ...deleteSchemas('competencies'),
  ...kindSchemas('services', serviceSchemas),
} as const satisfies Record<CatalogRoute, RouteSchemas>;
