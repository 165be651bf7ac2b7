import { describe, expect, it } from 'vitest';
import {
  bookingIcs,
  escapeText,
  foldLine,
  icsDateTime,
  icsFileName,
} from '../../../packages/web/src/views/learner/catalog/ics.ts';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');
/** RFC 5545 unfolding: a CRLF followed by one space or tab disappears. */
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, '');

const booking = {
  enrolmentId: 'enr-123',
  start: '2026-03-03T08:30:00.000Z',
  end: '2026-03-03T10:00:00Z',
  stamp: '2026-02-01T12:00:00.123Z',
  summary: 'Intelligence collective',
  location: 'Lab Paris, salle Jaurès',
};

describe('iCalendar file of a booking', () => {
  it('writes UTC date-times in the Z form', () => {
    expect(icsDateTime('2026-03-03T08:30:00.000Z')).toBe('20260303T083000Z');
    expect(icsDateTime('2026-03-03T09:30:00+01:00')).toBe('20260303T083000Z');
    expect(() => icsDateTime('not a date')).toThrow(RangeError);
  });

  it('escapes backslashes, semicolons, commas and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('builds one VEVENT inside a VCALENDAR, with CRLF line endings', () => {
    const ics = bookingIcs(booking);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = unfold(ics).split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.filter((l) => l.startsWith('PRODID:'))).toHaveLength(1);
    expect(lines).toContain('BEGIN:VEVENT');
    expect(lines).toContain('UID:enr-123@parcours');
    expect(lines).toContain('DTSTAMP:20260201T120000Z');
    expect(lines).toContain('DTSTART:20260303T083000Z');
    expect(lines).toContain('DTEND:20260303T100000Z');
    expect(lines).toContain('SUMMARY:Intelligence collective');
    expect(lines).toContain('LOCATION:Lab Paris\\, salle Jaurès');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    expect(lines.indexOf('END:VEVENT')).toBeLessThan(lines.indexOf('END:VCALENDAR'));
  });

  it('marks a waitlist place as tentative and leaves out an empty location', () => {
    const { location: _, ...noPlace } = booking;
    const ics = bookingIcs({ ...noPlace, tentative: true });
    expect(ics).toContain('STATUS:TENTATIVE\r\n');
    expect(ics).not.toContain('LOCATION');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const summary = `${'Éé—'.repeat(40)} fin`;
    const ics = bookingIcs({ ...booking, summary });
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(ics).not.toContain('\uFFFD');
    expect(unfold(ics)).toContain(`SUMMARY:${summary}`);
  });

  it('keeps short lines whole and starts continuations with one space', () => {
    expect(foldLine('SUMMARY:court')).toBe('SUMMARY:court');
    const folded = foldLine(`DESCRIPTION:${'x'.repeat(200)}`);
    const [first, ...rest] = folded.split('\r\n');
    expect(octets(first ?? '')).toBe(75);
    for (const line of rest) {
      expect(line.startsWith(' ')).toBe(true);
      expect(octets(line)).toBeLessThanOrEqual(75);
    }
    expect(unfold(folded)).toBe(`DESCRIPTION:${'x'.repeat(200)}`);
  });

  it('never splits an astral character (surrogate pair) across lines', () => {
    const folded = foldLine(`SUMMARY:${'🙂'.repeat(30)}`);
    for (const line of folded.split('\r\n')) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });

  it('names the file after the session’s Paris day', () => {
    expect(icsFileName('2026-03-03T09:30:00+01:00')).toBe('session-2026-03-03.ics');
    expect(icsFileName('')).toBe('session-parcours.ics');
  });
});
