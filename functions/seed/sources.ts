/**
 * `content/` as the programme's sources: the seed of an empty table and of the demo. Only the seed function imports
 * this module (test/unit/functions/layout.test.ts): at run time, every other function reads the table.
 */
import competencies from '@parcours/content/competencies.json' with { type: 'json' };
import emails from '@parcours/content/emails.json' with { type: 'json' };
import evaluation from '@parcours/content/evaluation.json' with { type: 'json' };
import ladders from '@parcours/content/ladders.json' with { type: 'json' };
import modules from '@parcours/content/modules.json' with { type: 'json' };
import notifications from '@parcours/content/notifications.json' with { type: 'json' };
import paths from '@parcours/content/paths.json' with { type: 'json' };
import reports from '@parcours/content/reports.json' with { type: 'json' };
import services from '@parcours/content/services.json' with { type: 'json' };
import sites from '@parcours/content/sites.json' with { type: 'json' };
import transfer from '@parcours/content/transfer.json' with { type: 'json' };
import type { ProgrammeSources } from '@parcours/domain/content/programme';

export const seedSources: ProgrammeSources = {
  competencies,
  modules,
  paths,
  sites,
  services,
  transfer,
  ladders,
  evaluation,
  notifications,
  reports,
  emails,
};
