/**
 * A small iCalendar (RFC 5545) writer for one event, with the iTIP method (RFC 5546) the invitation carries, and a
 * minimal reader used to check what was produced (tests, and anyone debugging a mail). No dependency: the subset
 * needed for an invitation is small, and owning it keeps escaping and folding under test.
 */

export type IcsMethod = 'REQUEST' | 'CANCEL';

export interface IcsEvent {
  method: IcsMethod;
  /** Stable across every message about the same enrolment: calendars update the event instead of adding one. */
  uid: string;
  /** Must grow with every revision of the event (a move, a cancellation) for calendars to apply it. */
  sequence: number;
  start: string;
  end: string;
  /** When this revision was produced (DTSTAMP). */
  stamp: string;
  summary: string;
  description?: string;
  location?: string;
  organizer: { email: string; name?: string };
  attendee?: { email: string; name?: string };
}

const PRODID = '-//Parcours//Notifications 1.0//FR';

/** `2027-01-04T08:30:00.000Z` → `20270104T083000Z` (UTC form, no TZID needed). */
export function icsUtc(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`not an instant: '${iso}'`);
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline. */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Parameter values are quoted; quotes and control characters cannot appear in them (RFC 5545 §3.1). */
function paramValue(s: string): string {
  return `"${s.replace(/["\p{Cc}]/gu, '')}"`;
}

/**
 * Content lines longer than 75 octets are folded (RFC 5545 §3.1): CRLF + one space, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with the folding space
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

function mailto(p: { email: string; name?: string }, prefix: string, extra = ''): string {
  const cn = p.name ? `;CN=${paramValue(p.name)}` : '';
  return `${prefix}${cn}${extra}:mailto:${p.email}`;
}

export function buildIcs(e: IcsEvent): string {
  if (!Number.isInteger(e.sequence) || e.sequence < 0)
    throw new Error('SEQUENCE must be a non-negative integer');
  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${PRODID}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${e.method}`,
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${icsUtc(e.stamp)}`,
    `DTSTART:${icsUtc(e.start)}`,
    `DTEND:${icsUtc(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
    `STATUS:${e.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    mailto(e.organizer, 'ORGANIZER'),
    ...(e.attendee
      ? [
          mailto(
            e.attendee,
            'ATTENDEE',
            `;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=${e.method === 'CANCEL' ? 'DECLINED' : 'ACCEPTED'};RSVP=FALSE`,
          ),
        ]
      : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** Unfolds and splits content lines; values of TEXT properties are unescaped. Enough to read our own output back. */
export function parseIcs(text: string): {
  properties: IcsProperty[];
  get: (name: string) => IcsProperty | undefined;
} {
  const unfolded = text.replace(/\r?\n[ \t]/g, '');
  const properties: IcsProperty[] = [];
  for (const line of unfolded.split(/\r?\n/)) {
    if (!line) continue;
    // The name and parameters end at the first colon outside a quoted parameter value.
    let inQuotes = false;
    let colon = -1;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === '"') inQuotes = !inQuotes;
      else if (c === ':' && !inQuotes) {
        colon = i;
        break;
      }
    }
    if (colon < 0) continue;
    const [name, ...rawParams] = line.slice(0, colon).split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const params: Record<string, string> = {};
    for (const p of rawParams) {
      const eq = p.indexOf('=');
      if (eq > 0) params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"|"$/g, '');
    }
    const value = line
      .slice(colon + 1)
      .replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    properties.push({ name: (name ?? '').toUpperCase(), params, value });
  }
  return { properties, get: (n) => properties.find((p) => p.name === n.toUpperCase()) };
}
