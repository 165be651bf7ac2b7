import { emailTemplates } from '@parcours/domain/content/email-templates';
import type { EmailTemplate } from '@parcours/domain/content/schemas';
import type { IcsMethod } from '@parcours/domain/notifications/ics';
import { buildMime } from '@parcours/domain/notifications/mime';
import { htmlDocument, type RenderedEmail } from '@parcours/domain/notifications/render';
import type { Locale } from '@parcours/domain/roles';
import { isAddressSuppressed, type NotificationItem } from '@parcours/store/notification-repo';
import { sesConfig } from './mail.ts';

/** What the tick does with a claimed notification: skip it (stale, opted out), fail it (listed), or send this. */
export type Prepared =
  | { action: 'skip'; reason: string }
  | { action: 'fail'; reason: string; error?: string }
  | { action: 'send'; to: string; raw: string; subject: string };

/**
 * The checks every message passes whatever it is about: a template exists, an optional message respects the
 * recipient's opt-out, there is an address, and SES has not reported it as bouncing. A missing address is `fail`
 * (listed for the lab), never a silent drop.
 */
export async function deliverable(
  n: Pick<NotificationItem, 'kind' | 'recipientId'>,
  opts: { optedOut: boolean; email: string | undefined },
): Promise<{ ok: true; template: EmailTemplate; email: string } | { ok: false; result: Prepared }> {
  const template = emailTemplates().find((t) => t.id === n.kind);
  if (!template) {
    return {
      ok: false,
      result: {
        action: 'fail',
        reason: 'no-template',
        error: `no template '${n.kind}' in content/emails.json`,
      },
    };
  }
  if (!template.essential && opts.optedOut)
    return { ok: false, result: { action: 'skip', reason: 'opted-out' } };
  if (!opts.email) {
    return {
      ok: false,
      result: { action: 'fail', reason: 'no-address', error: `'${n.recipientId}' has no e-mail address` },
    };
  }
  if (await isAddressSuppressed(opts.email))
    return { ok: false, result: { action: 'fail', reason: 'suppressed' } };
  return { ok: true, template, email: opts.email };
}

export function sender() {
  const cfg = sesConfig();
  return { email: cfg.SES_FROM, name: cfg.SES_FROM_NAME };
}

/**
 * The MIME message: text and HTML alternatives, the calendar part if any, a Message-ID stable per attempt, and the
 * one-click unsubscribe headers (RFC 8058) on optional messages.
 */
export function assemble(input: {
  n: Pick<NotificationItem, 'id' | 'kind' | 'attempts'>;
  template: EmailTemplate;
  rendered: RenderedEmail;
  locale: Locale;
  to: { email: string; name?: string };
  now: string;
  unsubscribeUrl: string;
  calendar?: { method: IcsMethod; content: string };
}): Prepared {
  const { n, template, rendered, locale, to, now } = input;
  const from = sender();
  const raw = buildMime({
    from,
    to,
    subject: rendered.subject,
    text: rendered.text,
    html: htmlDocument(rendered.html, locale, rendered.subject),
    ...(input.calendar ? { calendar: input.calendar } : {}),
    date: new Date(now),
    messageId: `${n.id}.${n.attempts}@${from.email.split('@')[1] ?? 'parcours.local'}`,
    headers: {
      'X-Parcours-Notification': `${n.kind}; id=${n.id}`,
      ...(template.essential
        ? {}
        : {
            'List-Unsubscribe': `<${input.unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          }),
    },
  });
  return { action: 'send', to: to.email, raw, subject: rendered.subject };
}
