import { bindRoutes } from '@parcours/http';
import { storedAccess } from '@parcours/store/person-repo';
import { refreshProgramme } from '@parcours/store/programme-repo';
import { peopleRoutes } from './context.ts';
import { peopleSchemas } from './schemas.ts';

/**
 * `api(name, fn)`: a handler of this context, bound to its route's metadata and schemas; each request first loads
 * the programme's current revision (catalogue and settings: one read when unchanged).
 */
export const api = bindRoutes(peopleRoutes, peopleSchemas, {
  before: refreshProgramme,
  storedAccess,
});
