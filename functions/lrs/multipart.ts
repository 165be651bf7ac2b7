import { badRequest } from './errors.ts';

/**
 * multipart/mixed (RFC 2046 §5.1) as the Statement resource uses it (Communication 1.5.2): the first part holds the
 * Statements as JSON, each further part the raw octets of one Attachment. Pure functions on Buffers.
 */

export interface Part {
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: Buffer;
}

const CRLF = Buffer.from('\r\n');

/** RFC 2046 §5.1.1: 1-70 characters from a restricted set, not ending with a space. */
export function isValidBoundary(boundary: string): boolean {
  return /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/.test(boundary);
}

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  // RFC 5322 folding: continuation lines start with white space.
  for (const line of block.split(/\r\n(?![ \t])/)) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0)
      throw badRequest('multipart-malformed', `Malformed part header line: '${line.slice(0, 80)}'`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line
      .slice(colon + 1)
      .replace(/\r\n[ \t]+/g, ' ')
      .trim();
  }
  return headers;
}

export function parseMultipart(body: Buffer, boundary: string): Part[] {
  if (!isValidBoundary(boundary)) throw badRequest('multipart-malformed', 'Invalid multipart boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  // The first delimiter may open the body (no preceding CRLF); any preamble before it is ignored (RFC 2046).
  let pos: number;
  if (body.subarray(0, delimiter.length).equals(delimiter)) pos = 0;
  else {
    const first = body.indexOf(Buffer.concat([CRLF, delimiter]));
    if (first < 0) throw badRequest('multipart-malformed', 'The multipart body has no boundary delimiter');
    pos = first + CRLF.length;
  }
  const parts: Part[] = [];
  const next = Buffer.concat([CRLF, delimiter]);
  for (;;) {
    let cursor = pos + delimiter.length;
    if (body.subarray(cursor, cursor + 2).toString() === '--') return parts; // close delimiter
    // Transport padding (white space) may follow a delimiter before its CRLF.
    while (body[cursor] === 0x20 || body[cursor] === 0x09) cursor++;
    if (!body.subarray(cursor, cursor + 2).equals(CRLF)) {
      throw badRequest('multipart-malformed', 'A multipart delimiter must be followed by CRLF');
    }
    cursor += 2;
    const end = body.indexOf(next, cursor);
    if (end < 0)
      throw badRequest('multipart-malformed', 'The multipart body is not terminated by its close delimiter');
    const raw = body.subarray(cursor, end);
    let headerEnd = raw.indexOf('\r\n\r\n');
    let headers: Record<string, string> = {};
    let content: Buffer;
    if (raw.subarray(0, 2).equals(CRLF))
      content = raw.subarray(2); // no headers at all
    else if (headerEnd < 0)
      throw badRequest('multipart-malformed', 'A multipart part has no blank line after its headers');
    else {
      headers = parseHeaders(raw.subarray(0, headerEnd).toString('utf8'));
      headerEnd += 4;
      content = raw.subarray(headerEnd);
    }
    parts.push({ headers, body: Buffer.from(content) });
    pos = end + CRLF.length;
  }
}

/** Builds a multipart/mixed body; the boundary must not occur in any part (callers use a random one). */
export function buildMultipart(parts: Part[], boundary: string): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    for (const [name, value] of Object.entries(part.headers))
      chunks.push(Buffer.from(`${name}: ${value}\r\n`));
    chunks.push(CRLF, part.body, CRLF);
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}
