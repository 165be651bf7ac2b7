import { dispatchRoutes } from '@parcours/http';
import { catalogRoutes } from './context.ts';
import { handler as healthGet } from './handlers/health-get.ts';
import { handler as modulesGet } from './handlers/modules-get.ts';
import { handler as modulesList } from './handlers/modules-list.ts';
import { handler as pathsGet } from './handlers/paths-get.ts';
import { handler as pathsList } from './handlers/paths-list.ts';
import { handler as sitesList } from './handlers/sites-list.ts';

/** The catalog & system Lambda: one function for the context's routes, dispatched on API Gateway's route key. */
export const handler = dispatchRoutes(catalogRoutes, {
  'health-get': healthGet,
  'modules-list': modulesList,
  'modules-get': modulesGet,
  'paths-list': pathsList,
  'paths-get': pathsGet,
  'sites-list': sitesList,
});
