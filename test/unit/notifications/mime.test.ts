import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildIcs, parseIcs } from '../../../packages/domain/src/notifications/ics.ts';
import {
  buildMime,
  encodeHeaderText,
  formatAddress,
} from '../../../packages/domain/src/notifications/mime.ts';

// The SES sink's own parser (mailparser, a dependency of aws-ses-v2-local): what a real mail client would see.
type Parsed = {
  subject?: string;
  text?: string;
  html?: string | false;
  from?: { value: { address: string; name: string }[] };
  to?: { value: { address: string; name: string }[] };
  headers: Map<string, unknown>;
  attachments: { contentType: string; filename?: string; content: Buffer; method?: string }[];
};
const { simpleParser } = createRequire(import.meta.url)('mailparser') as {
  simpleParser: (src: Buffer | string) => Promise<Parsed>;
};

const ics = buildIcs({
  method: 'REQUEST',
  uid: 'enrolment-1@parcours',
  sequence: 1,
  start: '2027-03-02T08:30:00.000Z',
  end: '2027-03-02T10:00:00.000Z',
  stamp: '2027-02-01T12:00:00.000Z',
  summary: 'Créativité',
  organizer: { email: 'parcours@formation.example.gouv.fr' },
});

const message = {
  from: { email: 'parcours@formation.example.gouv.fr', name: 'Parcours' },
  to: { email: 'lea.dubois@sgar.example.gouv.fr', name: 'Léa Dubois' },
  subject:
    'Inscription confirmée : Intelligence collective — « atelier » à Bercy, séance très attendue par tous',
  text: 'Bonjour Léa,\n\nVotre inscription est confirmée.\n',
  html: '<p>Bonjour Léa,</p><p>Votre inscription est confirmée.</p>',
  date: new Date('2027-02-01T12:00:00.000Z'),
  messageId: 'abc.1@formation.example.gouv.fr',
  boundarySeed: 'seed1',
  headers: {
    'List-Unsubscribe': '<https://example.org/u?token=x>',
    'X-Parcours-Notification': 'session-reminder; id=1',
  },
};

describe('MIME builder', () => {
  it('encodes non-ASCII header text as RFC 2047 words of at most 75 characters, ASCII as is', () => {
    expect(encodeHeaderText('Hello')).toBe('Hello');
    const enc = encodeHeaderText(
      'Inscription confirmée : intelligence collective à Bercy, une très longue ligne',
    );
    for (const word of enc.split('\r\n ')) {
      expect(word).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
      expect(word.length).toBeLessThanOrEqual(75);
    }
    // Text that merely looks like an encoded word is encoded too (never interpreted as one).
    expect(encodeHeaderText('=?x?=')).toMatch(/^=\?UTF-8\?B\?/);
  });

  it('strips CR/LF from header values (no header injection)', () => {
    expect(encodeHeaderText('a\r\nBcc: evil@example.org')).toBe('a Bcc: evil@example.org');
    expect(formatAddress({ email: 'x@example.org\r\nBcc: y@example.org', name: 'X' })).not.toMatch(/\r|\n/);
  });

  it('quotes or encodes display names', () => {
    expect(formatAddress({ email: 'a@b.fr', name: 'Jean "JJ" Dupont' })).toBe(
      '"Jean \\"JJ\\" Dupont" <a@b.fr>',
    );
    expect(formatAddress({ email: 'a@b.fr', name: 'Léa' })).toMatch(/^=\?UTF-8\?B\?.+\?= <a@b\.fr>$/);
    expect(formatAddress({ email: 'a@b.fr' })).toBe('a@b.fr');
  });

  it('builds multipart/mixed with text, html and a text/calendar part with its method, which parses back', async () => {
    const raw = buildMime({ ...message, calendar: { method: 'REQUEST', content: ics } });
    expect(raw).toMatch(/^From: "Parcours" <parcours@formation\.example\.gouv\.fr>\r\n/);
    expect(raw).toContain('Content-Type: multipart/mixed;');
    expect(raw).toContain('Content-Type: text/calendar; charset=UTF-8; method=REQUEST');
    expect(raw).toContain('MIME-Version: 1.0');
    // Every line within the RFC 5322 limit, CRLF only, ASCII only (8-bit content is base64).
    for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect([...raw].every((c) => c.charCodeAt(0) < 128)).toBe(true);

    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.text?.trim()).toBe(message.text.trim());
    expect(parsed.html).toContain('Votre inscription est confirmée.');
    expect(parsed.from?.value[0]).toEqual({
      address: 'parcours@formation.example.gouv.fr',
      name: 'Parcours',
    });
    expect(parsed.to?.value[0]).toEqual({ address: 'lea.dubois@sgar.example.gouv.fr', name: 'Léa Dubois' });
    expect(raw).toContain('\r\nList-Unsubscribe: <https://example.org/u?token=x>\r\n');
    expect(parsed.headers.get('x-parcours-notification')).toBe('session-reminder; id=1');
    const calendars = parsed.attachments.filter((a) => /calendar|ics/.test(a.contentType));
    expect(calendars.length).toBeGreaterThanOrEqual(1);
    const cal = parseIcs(calendars[0]!.content.toString('utf8'));
    expect(cal.get('UID')?.value).toBe('enrolment-1@parcours');
    expect(cal.get('SUMMARY')?.value).toBe('Créativité');
  });

  it('without an invitation, the message is multipart/alternative (text + html)', async () => {
    const raw = buildMime(message);
    expect(raw).toContain('Content-Type: multipart/alternative;');
    expect(raw).not.toContain('text/calendar');
    const parsed = await simpleParser(raw);
    expect(parsed.attachments).toHaveLength(0);
    expect(parsed.text).toContain('Bonjour Léa');
  });
});
