import { describe, expect, it } from 'vitest';
import { emailTemplates } from '../../../packages/domain/src/content/email-templates.ts';
import { NOTIFICATION_KINDS } from '../../../packages/domain/src/notifications/model.ts';
import {
  escapeHtml,
  fill,
  placeholders,
  renderEmail,
  TemplateError,
} from '../../../packages/domain/src/notifications/render.ts';

const template = emailTemplates().find((t) => t.id === 'session-reminder')!;
const vars = {
  firstName: 'Léa',
  moduleTitle: 'Design <thinking> & co',
  pathTitle: 'PassInnov',
  sessionStart: 'mardi 2 mars 2027 à 09:30',
  sessionEnd: 'mardi 2 mars 2027 à 11:00',
  siteName: 'Paris – Bercy',
  roomName: 'Salle "atelier" 1',
  preferencesUrl: 'https://api.example.org/preferences/unsubscribe?token=a.b&x=1',
};

describe('template rendering', () => {
  it('French by default, English when the recipient prefers it', () => {
    expect(renderEmail(template, 'fr', vars).subject).toBe(
      'Rappel : Design <thinking> & co le mardi 2 mars 2027 à 09:30',
    );
    expect(renderEmail(template, 'en', vars).subject).toMatch(/^Reminder: Design/);
  });

  it('escapes every value inserted in HTML (attributes included), not in text', () => {
    const r = renderEmail(template, 'fr', vars);
    expect(r.html).toContain('Design &lt;thinking&gt; &amp; co');
    expect(r.html).toContain('Salle &quot;atelier&quot; 1');
    expect(r.html).toContain('href="https://api.example.org/preferences/unsubscribe?token=a.b&amp;x=1"');
    expect(r.html).not.toContain('<thinking>');
    expect(r.text).toContain('Design <thinking> & co');
    expect(r.essential).toBe(false);
  });

  it('a missing variable is an error, never "{{x}}" in a mail', () => {
    expect(() => fill('Hello {{nobody}}', {})).toThrow(TemplateError);
  });

  it('an empty value swallows the space before it', () => {
    expect(fill('Bonjour {{firstName}},', { firstName: '' })).toBe('Bonjour,');
    expect(fill('Bonjour {{firstName}},', { firstName: 'Léa' })).toBe('Bonjour Léa,');
  });

  it('escapeHtml covers the five special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('every notification kind has a template, in both languages, and renders with the variables the tick provides', () => {
    // What compose.ts (session messages) and compose-person.ts provide, per kind.
    const session = [
      'firstName',
      'moduleTitle',
      'pathTitle',
      'sessionStart',
      'sessionEnd',
      'siteName',
      'roomName',
      'previousStart',
      'waitlistPosition',
      'role',
      'attendanceUrl',
      'evaluationCloses',
      'evaluationUrl',
      'preferencesUrl',
    ];
    const byKind: Partial<Record<string, string[]>> = {
      'newcomer-catch-up': ['firstName', 'pathTitle', 'catchUpList', 'catchUpUrl', 'preferencesUrl'],
      'hr-monthly-summary': ['firstName', 'summaryPeriod', 'summaryText', 'preferencesUrl'],
    };
    for (const kind of NOTIFICATION_KINDS) {
      const provided = new Set(byKind[kind] ?? session);
      const t = emailTemplates().find((e) => e.id === kind);
      expect(t, kind).toBeDefined();
      for (const lang of ['fr', 'en'] as const) {
        for (const part of ['subject', 'text', 'html'] as const) {
          for (const p of placeholders(t![lang][part]))
            expect(provided.has(p), `${kind}.${lang}.${part}: ${p}`).toBe(true);
        }
      }
    }
  });

  it('cancellations, moves and confirmations are essential; reminders are not', () => {
    const essential = (id: string) => emailTemplates().find((e) => e.id === id)!.essential;
    for (const id of [
      'enrolment-confirmed',
      'enrolment-promoted',
      'enrolment-cancelled',
      'session-cancelled',
      'session-moved',
    ])
      expect(essential(id), id).toBe(true);
    expect(essential('session-reminder')).toBe(false);
  });
});
