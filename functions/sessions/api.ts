import { bindRoutes } from '@parcours/http';
import { sessionsRoutes } from './context.ts';
import { sessionsSchemas } from './schemas.ts';

/** `api(name, fn)`: a handler of this context, bound to its route's metadata and schemas. */
export const api = bindRoutes(sessionsRoutes, sessionsSchemas);
