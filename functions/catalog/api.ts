import { bindRoutes } from '@parcours/http';
import { catalogRoutes } from './context.ts';
import { catalogSchemas } from './schemas.ts';

/** `api(name, fn)`: a handler of this context, bound to its route's metadata and schemas. */
export const api = bindRoutes(catalogRoutes, catalogSchemas);
