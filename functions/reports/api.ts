import { bindRoutes } from '@parcours/http';
import { reportsRoutes } from './context.ts';
import { reportsSchemas } from './schemas.ts';

/** `api(name, fn)`: a handler of this context, bound to its route's metadata and schemas. */
export const api = bindRoutes(reportsRoutes, reportsSchemas);
