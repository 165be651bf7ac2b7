import { emailTemplatesSchema } from './email-templates.ts';
import { notificationSettingsSchema } from './notification-settings.ts';
import { parseContent } from './parse-content.ts';
import { CATALOG_PARTS, type ProgrammeSources } from './programme.ts';
import { parseReportSettings } from './report-settings.ts';
import { catalogSchema } from './schemas.ts';
import {
  checkTransferContent,
  laddersSchema,
  questionnaireSchema,
  transferSettingsSchema,
} from './transfer-content.ts';

/**
 * Every problem the accessors would throw on, for a whole programme not installed (the seed checks a release's
 * settings against the lab's catalogue before writing them): empty when every part parses and cross-checks.
 */
export function programmeProblems(s: ProgrammeSources): string[] {
  try {
    const catalog = parseContent(
      catalogSchema,
      Object.fromEntries(CATALOG_PARTS.map((p) => [p, s[p]])),
      'catalog',
    );
    const transfer = parseContent(transferSettingsSchema, s.transfer, 'transfer');
    const ladders = parseContent(laddersSchema, s.ladders, 'ladders');
    parseContent(questionnaireSchema, s.evaluation, 'evaluation');
    parseContent(notificationSettingsSchema, s.notifications, 'notifications');
    parseContent(emailTemplatesSchema, s.emails, 'emails');
    parseReportSettings(s.reports, catalog);
    return checkTransferContent(transfer, ladders, new Set(catalog.modules.map((m) => m.id)));
  } catch (e) {
    return [(e as Error).message];
  }
}
