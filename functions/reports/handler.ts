import { dispatchRoutes } from '@parcours/http';
import { withProgramme } from '@parcours/store/programme-repo';
import { reportsRoutes } from './context.ts';
import { handler as monthlySummary } from './handlers/monthly-summary.ts';
import { handler as reportsAgentsGet } from './handlers/reports-agents-get.ts';
import { handler as reportsAgentsList } from './handlers/reports-agents-list.ts';
import { handler as reportsExportsContinue } from './handlers/reports-exports-continue.ts';
import { handler as reportsExportsCreate } from './handlers/reports-exports-create.ts';
import { handler as reportsExportsGet } from './handlers/reports-exports-get.ts';
import { handler as reportsExportsPart } from './handlers/reports-exports-part.ts';
import { handler as reportsPaths } from './handlers/reports-paths.ts';
import { handler as reportsServices } from './handlers/reports-services.ts';

/** The hr reports Lambda: one function for the context's routes, dispatched on API Gateway's route key. */
export const handler = dispatchRoutes(
  reportsRoutes,
  {
    'reports-agents-list': reportsAgentsList,
    'reports-agents-get': reportsAgentsGet,
    'reports-services': reportsServices,
    'reports-paths': reportsPaths,
    'reports-exports-create': reportsExportsCreate,
    'reports-exports-get': reportsExportsGet,
    'reports-exports-continue': reportsExportsContinue,
    'reports-exports-part': reportsExportsPart,
  },
  withProgramme(monthlySummary),
);
