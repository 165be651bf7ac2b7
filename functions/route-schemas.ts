/**
 * Every route with its schemas: for the OpenAPI generator (build time) and the tests that fuzz the API. Never
 * imported by a Lambda — each loads its own context's `schemas.ts` only.
 */
import type { HttpTrigger } from '@parcours/http/route-types';
import { catalogSchemas } from './catalog/schemas.ts';
import { lrsSchemas } from './lrs/schemas.ts';
import { peopleSchemas } from './people/schemas.ts';
import { reportsSchemas } from './reports/schemas.ts';
import { type HttpRouteName, httpRoutes } from './routes.ts';
import { sessionsSchemas } from './sessions/schemas.ts';
import { transferSchemas } from './transfer/schemas.ts';

const schemas = {
  ...catalogSchemas,
  ...peopleSchemas,
  ...sessionsSchemas,
  ...transferSchemas,
  ...reportsSchemas,
  ...lrsSchemas,
};

export const fullRoutes = Object.fromEntries(
  (Object.keys(httpRoutes) as HttpRouteName[]).map((name) => [
    name,
    { ...httpRoutes[name], ...schemas[name] } as HttpTrigger,
  ]),
) as Record<HttpRouteName, HttpTrigger>;
