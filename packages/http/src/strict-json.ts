import { AppError, invalid } from '@parcours/domain/errors';
import { JSON_TOO_DEEP_MESSAGE, jsonTooDeep } from '@parcours/domain/limits';

export const MAX_JSON_BODY_BYTES = 256 * 1024;

/** Keys that could poison prototypes when bodies are later merged into objects. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Strict JSON body parsing: a JSON media type is required, the size is capped, malformed JSON and
 * prototype-polluting keys are rejected with 4xx instead of surfacing as 500s later.
 */
export function parseJsonBody(
  raw: string | undefined,
  isBase64: boolean,
  contentType: string | undefined,
): unknown {
  if (raw === undefined || raw === '') return undefined;
  const text = isBase64 ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text, 'utf8') > MAX_JSON_BODY_BYTES) {
    throw new AppError('payload-too-large', 'payload-too-large', `Body exceeds ${MAX_JSON_BODY_BYTES} bytes`);
  }
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json' && !mediaType?.endsWith('+json')) {
    throw new AppError(
      'unsupported-media-type',
      'unsupported-media-type',
      'Content-Type must be application/json',
    );
  }
  if (jsonTooDeep(text)) throw invalid('json-too-deep', JSON_TOO_DEEP_MESSAGE);
  let forbiddenKey: string | undefined;
  try {
    return JSON.parse(text, (key, value) => {
      if (FORBIDDEN_KEYS.has(key)) {
        forbiddenKey = key;
        throw new SyntaxError('forbidden key');
      }
      return value;
    });
  } catch {
    // The parser's own message (engine-specific, positions, internal wording) is not an API contract.
    throw forbiddenKey
      ? invalid('forbidden-key', `Body uses the reserved key '${forbiddenKey}'`)
      : invalid('malformed-json', 'Body is not valid JSON');
  }
}
