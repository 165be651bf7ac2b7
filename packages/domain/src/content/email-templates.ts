import '../zod-locale.ts';
import emails from '@parcours/content/emails.json' with { type: 'json' };
import * as z from 'zod/mini';
import { parseContent } from './parse-content.ts';
import { type EmailTemplate, emailTemplateSchema } from './schemas.ts';

const templatesSchema = z.array(emailTemplateSchema).check(
  z.superRefine((templates, ctx) => {
    const seen = new Set<string>();
    for (const { id } of templates) {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `duplicate email id '${id}'` });
      seen.add(id);
    }
  }),
);

let cached: readonly EmailTemplate[] | undefined;

/**
 * The e-mail templates of `content/emails.json`, validated once per process; only the reminder tick bundles them
 * (~30 KB every other function would carry for nothing). An invalid file throws with every issue listed.
 */
export function emailTemplates(): readonly EmailTemplate[] {
  cached ??= parseContent(templatesSchema, emails, 'emails.json');
  return cached;
}
