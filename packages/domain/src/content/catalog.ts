import { parseContent } from './parse-content.ts';
import { perRevision } from './programme.ts';
import { type Catalog, catalogSchema } from './schemas.ts';

/**
 * The validated catalogue of the installed revision (programme.ts). Validation runs once per revision; an invalid
 * catalogue throws loudly with every issue listed rather than serving half-valid data (the API's writes validate the
 * whole catalogue before committing, so this guards against hand edits of the table).
 */
export const catalog: () => Catalog = perRevision((s) =>
  parseContent(
    catalogSchema,
    {
      competencies: s.competencies,
      modules: s.modules,
      paths: s.paths,
      sites: s.sites,
      services: s.services,
    },
    'catalog',
  ),
);
