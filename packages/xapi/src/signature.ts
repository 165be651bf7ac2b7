import { verify, X509Certificate } from 'node:crypto';
import { jsonTooDeep } from '@parcours/domain/limits';
import { statementsEquivalent } from './comparison.ts';
import { SIGNATURE_CONTENT_TYPE, SIGNATURE_USAGE_TYPE } from './schemas/attachment.ts';
import type { Attachment, Statement } from './types.ts';
import { validateStatementAt } from './validate.ts';

/**
 * Signed Statements (xAPI 1.0.3 Data §2.6). The HTTP layer extracts the signature part of the multipart request (the
 * one whose X-Experience-API-Hash matches the signature Attachment's sha2) and calls `verifyStatementSignature`.
 *
 * Data §2.6.s5.b1: "The LRS MUST reject requests to store Statements that contain malformed signatures, with 400 Bad
 * Request." §2.6.s5.b3: to verify that signatures are well formed, the LRS MUST decode the JWS and load the signed
 * Statement from its payload, check that it is logically equivalent to the received Statement, validate the signature
 * against the X.509 certificate when the header includes one, and check the requirements of §2.6.s4.
 */

export { SIGNATURE_CONTENT_TYPE, SIGNATURE_USAGE_TYPE };

// Data §2.6.s4.b4: "The JWS signature MUST use an algorithm of 'RS256', 'RS384', or 'RS512'."
const DIGESTS: Record<string, string> = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' };

export type SignatureVerification =
  | { ok: true; signedStatement: Statement }
  | { ok: false; errors: string[] };

/** The signature Attachment of a Statement, if it is a signed one. */
export function signatureAttachment(statement: Statement): Attachment | undefined {
  return statement.attachments?.find((attachment) => attachment.usageType === SIGNATURE_USAGE_TYPE);
}

interface JwsParts {
  protectedHeader: string;
  payload: string;
  signature: string;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Splits a JWS. Compact Serialization "SHOULD* be used" (§2.6.s4.b2); the JSON Serialization, "strongly discouraged"
 * but not forbidden, is accepted in its flattened and general forms (first signature).
 */
function splitJws(jws: string): JwsParts | undefined {
  const text = jws.trim();
  if (text.startsWith('{')) {
    const parsed = parseJson(text);
    if (!isRecord(parsed)) return undefined;
    const first = Array.isArray(parsed.signatures) ? parsed.signatures[0] : parsed;
    if (!isRecord(first)) return undefined;
    const parts = { protectedHeader: first.protected, payload: parsed.payload, signature: first.signature };
    return typeof parts.protectedHeader === 'string' &&
      typeof parts.payload === 'string' &&
      typeof parts.signature === 'string'
      ? { protectedHeader: parts.protectedHeader, payload: parts.payload, signature: parts.signature }
      : undefined;
  }
  const [protectedHeader, payload, signature, ...rest] = text.split('.');
  if (protectedHeader === undefined || payload === undefined || signature === undefined || rest.length > 0) {
    return undefined;
  }
  return { protectedHeader, payload, signature };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  if (jsonTooDeep(text)) return undefined; // compared recursively with the Statement later
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function decodeJson(part: string): unknown {
  return BASE64URL.test(part) ? parseJson(Buffer.from(part, 'base64url').toString('utf8')) : undefined;
}

function checkCertificate(x5c: unknown, parts: JwsParts, digest: string): string | undefined {
  if (!Array.isArray(x5c) || typeof x5c[0] !== 'string') {
    return 'signature: the JWS header "x5c" must be an array of base64 certificates (Data 2.6.s4.b6)';
  }
  try {
    const certificate = new X509Certificate(Buffer.from(x5c[0], 'base64'));
    const signingInput = Buffer.from(`${parts.protectedHeader}.${parts.payload}`, 'ascii');
    const valid = verify(
      digest,
      signingInput,
      certificate.publicKey,
      Buffer.from(parts.signature, 'base64url'),
    );
    return valid ? undefined : 'signature: does not verify against the "x5c" certificate (Data 2.6.s5.b3.b3)';
  } catch {
    return 'signature: the "x5c" certificate cannot be read (Data 2.6.s5.b3.b3)';
  }
}

/**
 * Checks that `jws` (the raw content of the signature Attachment) is a well-formed signature of `statement` (the
 * Statement as received, already validated). It does not establish who signed: "The steps to authenticate a signed
 * Statement ... are outside the scope of this specification" (§2.6.s5 note).
 */
export function verifyStatementSignature(statement: Statement, jws: string): SignatureVerification {
  const attachment = signatureAttachment(statement);
  if (attachment === undefined) {
    return {
      ok: false,
      errors: [`statement.attachments: has no Attachment with usageType ${SIGNATURE_USAGE_TYPE}`],
    };
  }
  const parts = splitJws(jws);
  if (parts === undefined) {
    return {
      ok: false,
      errors: [
        'signature: must be a JSON Web Signature, preferably in Compact Serialization (Data 2.6.s4.b1-b2)',
      ],
    };
  }
  const header = decodeJson(parts.protectedHeader);
  const digest = isRecord(header) && typeof header.alg === 'string' ? DIGESTS[header.alg] : undefined;
  if (!isRecord(header) || digest === undefined) {
    return {
      ok: false,
      errors: ['signature: the JWS algorithm MUST be RS256, RS384 or RS512 (Data 2.6.s4.b4)'],
    };
  }
  // Data §2.6.s4.b3: "The JWS signature MUST have a payload of a valid JSON serialization of the complete Statement
  // before the signature was added."
  const signed = validateStatementAt(decodeJson(parts.payload), 'signature.payload');
  if (!signed.ok) return signed;
  if (!statementsEquivalent(statement, signed.statement)) {
    return {
      ok: false,
      errors: [
        'signature: the signed Statement is not logically equivalent to the received one (Data 2.6.s5.b3.b2)',
      ],
    };
  }
  const certificateError = header.x5c === undefined ? undefined : checkCertificate(header.x5c, parts, digest);
  return certificateError
    ? { ok: false, errors: [certificateError] }
    : { ok: true, signedStatement: signed.statement };
}
