import { bindRoutes } from '@parcours/http';
import { peopleRoutes } from './context.ts';
import { peopleSchemas } from './schemas.ts';

/** `api(name, fn)`: a handler of this context, bound to its route's metadata and schemas. */
export const api = bindRoutes(peopleRoutes, peopleSchemas);
