/**
 * Format checks for the identifier-like strings of xAPI 1.0.3 (IRIs, IRLs, URIs, UUIDs, mailto IRIs, hashes).
 *
 * Data §2.2.s4.b1.b4: the LRS MUST reject "any non-format-following key or value, including the empty string, where a
 * string with a particular format (such as mailto IRI, UUID, or IRI) is required", and (b8) IRL or IRI values "without
 * a scheme". Data §2.2.s4.b6 lets the LRS use "best-effort validation for IRL and IRI formats": full RFC 3987 parsing
 * is not attempted; the checks below catch what a real client gets wrong (no scheme, bad scheme, spaces, characters
 * RFC 3987 excludes, broken percent-encoding).
 */

/** RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ). */
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):(.+)$/s;
/** ASCII characters RFC 3987 never allows unencoded in an IRI. */
const EXCLUDED_ASCII = new Set([' ', '"', '<', '>', '\\', '^', '`', '{', '|', '}']);
const PERCENT_ESCAPE = /%(?![0-9A-Fa-f]{2})/;

function hasExcludedCharacter(value: string, asciiOnly: boolean): boolean {
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    // C0 controls, DEL and C1 controls are never part of an IRI; whitespace of any kind neither.
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
    if (EXCLUDED_ASCII.has(char) || /\s/u.test(char)) return true;
    if (asciiOnly && code > 0x7e) return true;
  }
  return false;
}

function checkIri(value: string, asciiOnly: boolean): boolean {
  const match = SCHEME.exec(value);
  if (!match) return false;
  if (hasExcludedCharacter(value, asciiOnly) || PERCENT_ESCAPE.test(value)) return false;
  // A fragment delimiter may appear once at most.
  if (value.indexOf('#') !== value.lastIndexOf('#')) return false;
  const scheme = (match[1] ?? '').toLowerCase();
  // For the web schemes, an authority (host) is part of the syntax: "http:foo" is not a usable identifier.
  if (scheme === 'http' || scheme === 'https') return /^\/\/[^/?#]+/.test(match[2] ?? '');
  return true;
}

/** xAPI 1.0.3 Data §4.3 IRIs: an absolute IRI (RFC 3987) with a scheme. */
export function isIri(value: string): boolean {
  return checkIri(value, false);
}

/**
 * IRL: an IRI meant to be resolvable (Data §4.3 / definitions). Resolvability cannot be checked offline, so the format
 * check is the IRI one.
 */
export function isIrl(value: string): boolean {
  return checkIri(value, false);
}

/** URI (RFC 3986): an IRI restricted to ASCII. Used for `openid` (Data §2.4.2.3). */
export function isUri(value: string): boolean {
  return checkIri(value, true);
}

/**
 * xAPI 1.0.3 Data §4.4 UUIDs: "UUIDs MUST be in the standard string form" (8-4-4-4-12 hex digits, RFC 4122 §3). Any
 * version and variant is accepted; hex digits are case-insensitive (RFC 4122 §3 "case insensitive on input").
 */
const UUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * xAPI 1.0.3 Data §2.4.2.3 mbox: 'The required format is "mailto:email address"'. The scheme must be written exactly
 * `mailto:` (values are case sensitive unless specified otherwise, §2.2.s3.b4); the address needs one `@` with a
 * non-empty local part and domain, and no header fields (`?subject=`) since it names a mailbox.
 */
const MAILTO = /^mailto:[^\s@?#]+@[^\s@?#.]+(?:\.[^\s@?#.]+)*$/;
export function isMailtoIri(value: string): boolean {
  return MAILTO.test(value) && !hasExcludedCharacter(value, false);
}

/** xAPI 1.0.3 Data §2.4.2.3 mbox_sha1sum: "The hex-encoded SHA1 hash of a mailto IRI": 40 hex digits. */
export function isSha1Hex(value: string): boolean {
  return /^[0-9A-Fa-f]{40}$/.test(value);
}

/**
 * xAPI 1.0.3 Data §2.4.11 sha2: "The SHA-2 hash of the Attachment data", hex-encoded as in the multipart
 * X-Experience-API-Hash header (Communication §1.5.2). The lengths are those of SHA-224, SHA-256, SHA-384, SHA-512.
 */
const SHA2_HEX_LENGTHS = new Set([56, 64, 96, 128]);
export function isSha2Hex(value: string): boolean {
  return /^[0-9A-Fa-f]+$/.test(value) && SHA2_HEX_LENGTHS.has(value.length);
}

/** RFC 2046 / RFC 6838 media type: `type/subtype` optionally followed by parameters. */
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(?:\s*;.*)?$/s;
export function isMediaType(value: string): boolean {
  return MEDIA_TYPE.test(value);
}
