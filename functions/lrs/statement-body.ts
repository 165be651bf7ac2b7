import { createHash } from 'node:crypto';
import { badRequest } from './errors.ts';
import { parseJsonBytes } from './json-body.ts';
import { parseMultipart } from './multipart.ts';
import { contentTypeParam, type LrsRequest, mediaTypeOf } from './request.ts';

/**
 * The body of a PUT/POST to the Statement resource: `application/json`, or `multipart/mixed` whose first part is the
 * JSON and whose other parts are Attachment data, each named by its SHA-2 (Communication 1.5.2).
 */
export interface AttachmentPart {
  /** Lower-case hex, as declared in X-Experience-API-Hash and checked against the data. */
  sha2: string;
  body: Buffer;
  contentType: string;
}

export interface StatementsBody {
  json: unknown;
  parts: Map<string, AttachmentPart>;
  multipart: boolean;
}

const ALGORITHM_BY_HEX_LENGTH: Record<number, string> = {
  64: 'sha256',
  96: 'sha384',
  128: 'sha512',
  56: 'sha224',
};

export function readStatementsBody(req: LrsRequest): StatementsBody {
  const contentType = req.headers['content-type'];
  const type = mediaTypeOf(contentType);
  if (type === 'application/json') {
    return { json: parseJsonBytes(req.body, 'The Statement body'), parts: new Map(), multipart: false };
  }
  if (type !== 'multipart/mixed') {
    throw badRequest(
      'unsupported-content-type',
      `Statements are sent as application/json or multipart/mixed, not '${type || 'no Content-Type'}' (Communication 1.5)`,
    );
  }
  const boundary = contentTypeParam(contentType, 'boundary');
  if (!boundary) throw badRequest('multipart-malformed', 'multipart/mixed requires a boundary parameter');
  const [first, ...rest] = parseMultipart(req.body ?? Buffer.alloc(0), boundary);
  if (!first) throw badRequest('multipart-malformed', 'The multipart body has no part');
  // 1.5.2.s2.b2.b1/b6: "The first part of the multipart document MUST contain the Statements themselves, with type
  // application/json".
  if (mediaTypeOf(first.headers['content-type']) !== 'application/json') {
    throw badRequest(
      'multipart-first-part',
      'The first part must be the Statements, with Content-Type application/json (Communication 1.5.2.s2.b2.b1)',
    );
  }
  const parts = new Map<string, AttachmentPart>();
  rest.forEach((part, i) => {
    const hash = part.headers['x-experience-api-hash']?.trim().toLowerCase();
    if (!hash) {
      throw badRequest(
        'attachment-hash-missing',
        `Part ${i + 2} has no X-Experience-API-Hash header (Communication 1.5.2.s2.b2.b3)`,
      );
    }
    const encoding = part.headers['content-transfer-encoding']?.trim().toLowerCase();
    // 1.5.2.s2.b2.b4 asks for "binary"; 1.5.2.s3.b6: the LRS SHOULD assume binary when it is absent.
    if (encoding !== undefined && encoding !== 'binary') {
      throw badRequest(
        'attachment-encoding',
        `Part ${i + 2}: Content-Transfer-Encoding must be binary (Communication 1.5.2.s2.b2.b4)`,
      );
    }
    const algorithm = ALGORITHM_BY_HEX_LENGTH[hash.length];
    if (!algorithm || !/^[0-9a-f]+$/.test(hash)) {
      throw badRequest(
        'attachment-hash-invalid',
        `Part ${i + 2}: X-Experience-API-Hash is not a SHA-2 hex digest`,
      );
    }
    if (createHash(algorithm).update(part.body).digest('hex') !== hash) {
      throw badRequest(
        'attachment-hash-mismatch',
        `Part ${i + 2}: the data does not match its X-Experience-API-Hash (Communication 1.5.2.s1.b4)`,
      );
    }
    parts.set(hash, {
      sha2: hash,
      body: part.body,
      contentType: part.headers['content-type'] ?? 'application/octet-stream',
    });
  });
  return { json: parseJsonBytes(first.body, 'The Statement part'), parts, multipart: true };
}
