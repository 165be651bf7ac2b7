import { bindRoutes } from '@parcours/http';
import { storedAccess } from '@parcours/store/person-repo';
import { lrsRoutes } from './context.ts';
import { lrsSchemas } from './schemas.ts';

/** `api(name, fn)`: a handler of this context, bound to its route's metadata and schemas. */
export const api = bindRoutes(lrsRoutes, lrsSchemas, { storedAccess });
