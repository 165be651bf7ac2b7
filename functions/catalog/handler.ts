import { dispatchRoutes } from '@parcours/http';
import { catalogRoutes } from './context.ts';
import { handler as healthGet } from './handlers/health-get.ts';
import { deleteHandler, kindHandlers } from './handlers/kind-handlers.ts';

/** The catalog & system Lambda: one function for the context's routes, dispatched on API Gateway's route key. */
export const handler = dispatchRoutes(catalogRoutes, {
  'health-get': healthGet,
  ...kindHandlers('modules', 'module'),
  ...deleteHandler('modules', 'module'),
  ...kindHandlers('paths', 'path'),
  ...deleteHandler('paths', 'path'),
  ...kindHandlers('sites', 'site'),
  ...deleteHandler('sites', 'site'),
  ...kindHandlers('competencies', 'competency'),
  ...deleteHandler('competencies', 'competency'),
  ...kindHandlers('services', 'service'),
});
