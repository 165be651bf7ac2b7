/**
 * A booking as an iCalendar file (RFC 5545), built in the browser: no route needed, and the file says exactly what
 * the learner sees. Pure functions (no DOM) so they are unit-tested under Node (test/unit/web/ics.test.ts).
 */

export interface IcsBooking {
  /** The enrolment id: the UID stays the same when the learner downloads the file again (calendars update). */
  enrolmentId: string;
  /** ISO instants. */
  start: string;
  end: string;
  /** When the booking was made (ISO instant): DTSTAMP. */
  stamp: string;
  summary: string;
  location?: string;
  description?: string;
  /** A waitlist place is not a seat: calendars show it as tentative. */
  tentative?: boolean;
}

const CRLF = '\r\n';

/** `2026-03-03T08:30:00.000Z` → `20260303T083000Z` (UTC "form #2" of RFC 5545 §3.3.5). */
export function icsDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not an instant: ${iso}`);
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and newlines as `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

function octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line at 75 octets of UTF-8 (RFC 5545 §3.1): each continuation starts with one space, which counts
 * in its 75. Never splits a character (iterating by code point keeps surrogate pairs and multi-byte letters whole).
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = octets(ch.codePointAt(0) ?? 0);
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** The whole calendar: one VEVENT, CRLF line endings, folded lines, ending with a CRLF. */
export function bookingIcs(b: IcsBooking): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Parcours//Catalogue//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${b.enrolmentId}@parcours`,
    `DTSTAMP:${icsDateTime(b.stamp)}`,
    `DTSTART:${icsDateTime(b.start)}`,
    `DTEND:${icsDateTime(b.end)}`,
    `SUMMARY:${escapeText(b.summary)}`,
    ...(b.location ? [`LOCATION:${escapeText(b.location)}`] : []),
    ...(b.description ? [`DESCRIPTION:${escapeText(b.description)}`] : []),
    `STATUS:${b.tentative ? 'TENTATIVE' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** `session-2026-03-03.ics`, from the session's Paris wall-clock start (`startLocal`, `2026-03-03T09:30…`). */
export function icsFileName(startLocal: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(startLocal)?.[0];
  return `session-${day ?? 'parcours'}.ics`;
}
