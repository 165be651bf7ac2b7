import type { IcsMethod } from './ics.ts';

/**
 * A MIME (RFC 2045–2049, RFC 5322) message builder for SES (v2 `SendEmail`, raw content): UTF-8 everywhere, non-ASCII header text as
 * RFC 2047 encoded-words (French subjects and names), bodies base64-encoded, and the invitation laid out the way
 * calendar clients recognise it:
 *
 *   multipart/mixed
 *   ├── multipart/alternative
 *   │   ├── text/plain
 *   │   ├── text/html
 *   │   └── text/calendar; method=REQUEST|CANCEL      (what Outlook/Gmail/Apple Mail act on)
 *   └── application/ics attachment "invitation.ics"   (for clients that only offer attachments)
 */

export interface MailAddress {
  email: string;
  name?: string;
}

export interface MimeInput {
  from: MailAddress;
  to: MailAddress;
  subject: string;
  text: string;
  html: string;
  calendar?: { method: IcsMethod; content: string; filename?: string };
  /** Extra headers (List-Unsubscribe, X-…); values are single-line ASCII. */
  headers?: Record<string, string>;
  date: Date;
  /** `<local@domain>`; the brackets are added when missing. */
  messageId: string;
  /** Makes part boundaries deterministic (tests); random when absent. */
  boundarySeed?: string;
}

const CRLF = '\r\n';

/** Header values are single lines: CR/LF (header injection) and other control characters are removed. */
function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/\p{Cc}/gu, '');
}

function isPlainAscii(s: string): boolean {
  return /^[\x20-\x7e]*$/.test(s) && !s.includes('=?');
}

/**
 * RFC 2047 "B" encoded-words, each at most 75 characters, split between characters (never inside a UTF-8
 * sequence), joined by folding whitespace. ASCII text is returned as is.
 */
export function encodeHeaderText(s: string): string {
  const text = oneLine(s);
  if (isPlainAscii(text)) return text;
  const words: string[] = [];
  let chunk = '';
  let bytes = 0;
  // 75 - "=?UTF-8?B?".length - "?=".length = 63 base64 characters → at most 45 bytes of text per word.
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > 45) {
      words.push(chunk);
      chunk = '';
      bytes = 0;
    }
    chunk += ch;
    bytes += size;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

/** `"Léa Dubois" <lea@…>` with the display name quoted or encoded as needed. */
export function formatAddress(a: MailAddress): string {
  const email = oneLine(a.email).replace(/[<>\s]/g, '');
  if (!a.name) return email;
  const name = oneLine(a.name);
  if (isPlainAscii(name)) return `"${name.replace(/(["\\])/g, '\\$1')}" <${email}>`;
  return `${encodeHeaderText(name)} <${email}>`;
}

/** Base64 in 76-character lines (RFC 2045 §6.8). */
function base64Lines(s: string): string {
  const b64 = Buffer.from(s, 'utf8').toString('base64');
  return (b64.match(/.{1,76}/g) ?? []).join(CRLF);
}

function boundaryFor(seed: string | undefined, label: string): string {
  const base = seed ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  return `=_parcours_${label}_${base.replace(/[^A-Za-z0-9]/g, '').slice(0, 40)}`;
}

function part(headers: string[], body: string): string {
  return `${headers.join(CRLF)}${CRLF}${CRLF}${body}`;
}

function multipart(boundary: string, parts: string[]): string {
  return `${parts.map((p) => `--${boundary}${CRLF}${p}`).join(CRLF)}${CRLF}--${boundary}--`;
}

/** The whole message, CRLF line endings, ready for SES v2's `Content.Raw.Data` (base64-encoded by the sender). */
export function buildMime(m: MimeInput): string {
  const textPart = part(
    ['Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64'],
    base64Lines(m.text),
  );
  const htmlPart = part(
    ['Content-Type: text/html; charset=UTF-8', 'Content-Transfer-Encoding: base64'],
    base64Lines(m.html),
  );
  const alternativeBoundary = boundaryFor(m.boundarySeed, 'alt');
  const altParts = [textPart, htmlPart];
  if (m.calendar) {
    altParts.push(
      part(
        [
          `Content-Type: text/calendar; charset=UTF-8; method=${m.calendar.method}`,
          'Content-Transfer-Encoding: base64',
        ],
        base64Lines(m.calendar.content),
      ),
    );
  }
  const alternative = part(
    [`Content-Type: multipart/alternative; boundary="${alternativeBoundary}"`],
    multipart(alternativeBoundary, altParts),
  );

  let body: { contentType: string; content: string };
  if (m.calendar) {
    const mixedBoundary = boundaryFor(m.boundarySeed, 'mix');
    const filename = oneLine(m.calendar.filename ?? 'invitation.ics').replace(/["\\]/g, '');
    const attachment = part(
      [
        `Content-Type: application/ics; name="${filename}"`,
        `Content-Disposition: attachment; filename="${filename}"`,
        'Content-Transfer-Encoding: base64',
      ],
      base64Lines(m.calendar.content),
    );
    body = {
      contentType: `multipart/mixed; boundary="${mixedBoundary}"`,
      content: multipart(mixedBoundary, [alternative, attachment]),
    };
  } else {
    body = {
      contentType: `multipart/alternative; boundary="${alternativeBoundary}"`,
      content: multipart(alternativeBoundary, altParts),
    };
  }

  const messageId = m.messageId.startsWith('<') ? m.messageId : `<${m.messageId}>`;
  const headers = [
    `From: ${formatAddress(m.from)}`,
    `To: ${formatAddress(m.to)}`,
    `Subject: ${encodeHeaderText(m.subject)}`,
    `Date: ${m.date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: ${oneLine(messageId)}`,
    'MIME-Version: 1.0',
    // RFC 3834: automatic, so auto-responders do not answer it.
    'Auto-Submitted: auto-generated',
    ...Object.entries(m.headers ?? {}).map(([k, v]) => `${k.replace(/[^A-Za-z0-9-]/g, '')}: ${oneLine(v)}`),
    `Content-Type: ${body.contentType}`,
  ];
  return `${headers.join(CRLF)}${CRLF}${CRLF}${body.content}${CRLF}`;
}
