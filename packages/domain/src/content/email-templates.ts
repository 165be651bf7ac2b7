import '../zod-locale.ts';
import * as z from 'zod/mini';
import { parseContent } from './parse-content.ts';
import { perRevision } from './programme.ts';
import { type EmailTemplate, emailTemplateSchema } from './schemas.ts';

export const emailTemplatesSchema = z.array(emailTemplateSchema).check(
  z.superRefine((templates, ctx) => {
    const seen = new Set<string>();
    for (const { id } of templates) {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `duplicate email id '${id}'` });
      seen.add(id);
    }
  }),
);

/** The e-mail templates of the installed revision, validated once per revision (every issue listed on failure). */
export const emailTemplates: () => readonly EmailTemplate[] = perRevision((s) =>
  parseContent(emailTemplatesSchema, s.emails, 'emails'),
);
