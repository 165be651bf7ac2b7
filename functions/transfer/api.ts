import { bindRoutes } from '@parcours/http';
import { transferRoutes } from './context.ts';
import { transferSchemas } from './schemas.ts';

/** `api(name, fn)`: a handler of this context, bound to its route's metadata and schemas. */
export const api = bindRoutes(transferRoutes, transferSchemas);
