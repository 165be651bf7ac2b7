import type { EmailTemplate } from '../content/schemas.ts';
import type { Locale } from '../roles.ts';

export type TemplateVars = Record<string, string | number | undefined>;

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  essential: boolean;
  locale: Locale;
}

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every value inserted in HTML is escaped, attributes included (`href="{{url}}"`). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

const PLACEHOLDER = /( ?)\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** The placeholders a template string uses. */
export function placeholders(s: string): string[] {
  return [...s.matchAll(PLACEHOLDER)].map((m) => m[2]!);
}

/**
 * Fills `{{name}}` placeholders. A placeholder without a value is a bug (a mail must never go out with "{{x}}" in
 * it): it throws. An empty value swallows the space before it, so "Bonjour {{firstName}}," reads "Bonjour," when the
 * name is unknown.
 */
export function fill(
  template: string,
  vars: TemplateVars,
  escapeValue: (s: string) => string = (s) => s,
): string {
  return template.replace(PLACEHOLDER, (_, space: string, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new TemplateError(`missing template variable '${name}'`);
    const s = String(v);
    return s === '' ? '' : `${space}${escapeValue(s)}`;
  });
}

/** French first; English when the recipient prefers it. */
export function renderEmail(template: EmailTemplate, locale: Locale, vars: TemplateVars): RenderedEmail {
  const t = locale === 'en' ? template.en : template.fr;
  return {
    subject: fill(t.subject, vars).replace(/\s+/g, ' ').trim(),
    text: fill(t.text, vars),
    html: fill(t.html, vars, escapeHtml),
    essential: template.essential,
    locale,
  };
}

/** A standalone HTML document around a template's HTML fragment (what mail clients expect). */
export function htmlDocument(fragment: string, locale: Locale, title: string): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}">`,
    '<head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; line-height: 1.5; color: #1e1e1e;">',
    fragment,
    '</body></html>',
    '',
  ].join('\n');
}
