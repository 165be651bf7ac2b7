import { dispatchRoutes } from '@parcours/http';
import { lrsRoutes } from './context.ts';
import { handler as lrsClientsCreate } from './handlers/lrs-clients-create.ts';
import { handler as lrsClientsList } from './handlers/lrs-clients-list.ts';
import { handler as lrsClientsRevoke } from './handlers/lrs-clients-revoke.ts';
import { handler as lrsClientsRotate } from './handlers/lrs-clients-rotate.ts';
import { handler as xapi } from './handlers/xapi.ts';

/** The learning record store Lambda: one function for the context's routes, dispatched on API Gateway's route key. */
export const handler = dispatchRoutes(lrsRoutes, {
  xapi: xapi,
  'lrs-clients-create': lrsClientsCreate,
  'lrs-clients-list': lrsClientsList,
  'lrs-clients-rotate': lrsClientsRotate,
  'lrs-clients-revoke': lrsClientsRevoke,
});
