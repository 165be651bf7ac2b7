import { describe, expect, it } from 'vitest';
import {
  buildIcs,
  escapeText,
  foldLine,
  icsUtc,
  parseIcs,
} from '../../../packages/domain/src/notifications/ics.ts';

const base = {
  method: 'REQUEST' as const,
  uid: 'enrolment-5f0c@parcours',
  sequence: 3,
  start: '2027-03-02T08:30:00.000Z',
  end: '2027-03-02T10:00:00.000Z',
  stamp: '2027-02-01T12:00:00.000Z',
  summary: "Intelligence collective : l'atelier, pour tous; vraiment",
  location: 'Paris – Bercy, Salle atelier 1',
  description: 'Ligne 1\nLigne 2 avec \\ barre',
  organizer: { email: 'parcours@formation.example.gouv.fr', name: 'Parcours' },
  attendee: { email: 'lea.dubois@sgar.example.gouv.fr', name: 'Léa "Lili" Dubois' },
};

describe('iCalendar (RFC 5545) writer', () => {
  it('writes UTC instants in the basic format', () => {
    expect(icsUtc('2027-03-02T08:30:00.000Z')).toBe('20270302T083000Z');
    expect(icsUtc('2027-07-01T09:30:00+02:00')).toBe('20270701T073000Z');
    expect(() => icsUtc('not a date')).toThrow();
  });

  it('escapes TEXT values', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('folds lines at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
  });

  it('builds a REQUEST that parses back: method, UID, SEQUENCE, UTC times, escaped text, CRLF', () => {
    const ics = buildIcs(base);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const parsed = parseIcs(ics);
    expect(parsed.get('METHOD')?.value).toBe('REQUEST');
    expect(parsed.get('UID')?.value).toBe(base.uid);
    expect(parsed.get('SEQUENCE')?.value).toBe('3');
    expect(parsed.get('DTSTART')?.value).toBe('20270302T083000Z');
    expect(parsed.get('DTEND')?.value).toBe('20270302T100000Z');
    expect(parsed.get('DTSTAMP')?.value).toBe('20270201T120000Z');
    expect(parsed.get('STATUS')?.value).toBe('CONFIRMED');
    expect(parsed.get('SUMMARY')?.value).toBe(base.summary);
    expect(parsed.get('DESCRIPTION')?.value).toBe(base.description);
    expect(parsed.get('LOCATION')?.value).toBe(base.location);
    const attendee = parsed.get('ATTENDEE')!;
    expect(attendee.value).toBe('mailto:lea.dubois@sgar.example.gouv.fr');
    expect(attendee.params['CN']).toBe('Léa Lili Dubois');
    expect(attendee.params['PARTSTAT']).toBe('ACCEPTED');
    expect(parsed.get('ORGANIZER')?.value).toBe('mailto:parcours@formation.example.gouv.fr');
    // Structure: exactly one calendar with one event.
    expect(parsed.properties.filter((p) => p.name === 'BEGIN').map((p) => p.value)).toEqual([
      'VCALENDAR',
      'VEVENT',
    ]);
    expect(parsed.get('VERSION')?.value).toBe('2.0');
    expect(parsed.get('PRODID')?.value).toMatch(/Parcours/);
  });

  it('builds a CANCEL with STATUS:CANCELLED and the same UID', () => {
    const parsed = parseIcs(buildIcs({ ...base, method: 'CANCEL', sequence: 4 }));
    expect(parsed.get('METHOD')?.value).toBe('CANCEL');
    expect(parsed.get('STATUS')?.value).toBe('CANCELLED');
    expect(parsed.get('UID')?.value).toBe(base.uid);
    expect(parsed.get('SEQUENCE')?.value).toBe('4');
  });

  it('rejects a negative or fractional SEQUENCE', () => {
    expect(() => buildIcs({ ...base, sequence: -1 })).toThrow();
    expect(() => buildIcs({ ...base, sequence: 1.5 })).toThrow();
  });
});
