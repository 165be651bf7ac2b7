import competencies from '@parcours/content/competencies.json' with { type: 'json' };
import modules from '@parcours/content/modules.json' with { type: 'json' };
import paths from '@parcours/content/paths.json' with { type: 'json' };
import services from '@parcours/content/services.json' with { type: 'json' };
import sites from '@parcours/content/sites.json' with { type: 'json' };
import { parseContent } from './parse-content.ts';
import { type Catalog, catalogSchema } from './schemas.ts';

/**
 * The raw catalogue files of `content/`, bundled by esbuild (JSON imports), validated on first use. E-mail templates
 * are not catalogue: email-templates.ts, loaded only by the function that sends mail.
 */
export const rawContent = { competencies, modules, paths, sites, services };

let cached: Catalog | undefined;

/**
 * The validated catalog. Validation runs once per process (Lambda cold start); an invalid catalog is a bad deploy
 * and throws loudly with every issue listed rather than serving half-valid data.
 */
export function catalog(): Catalog {
  // Several files at once: the issues' paths name the file (`modules.3.competencies…`).
  cached ??= parseContent(catalogSchema, rawContent, '');
  return cached;
}
