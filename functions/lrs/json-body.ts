import { JSON_TOO_DEEP_MESSAGE, jsonTooDeep } from '@parcours/domain/limits';
import { badRequest } from './errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8 (Communication 1.4.s1.b1) then JSON; either failing is a 400 with the reason. */
export function parseJsonBytes(body: Buffer | undefined, what: string): unknown {
  if (!body || body.length === 0) throw badRequest('body-required', `${what} is required`);
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw badRequest('invalid-utf8', `${what} is not valid UTF-8 (Communication 1.4.s1.b1)`);
  }
  if (jsonTooDeep(text)) throw badRequest('json-too-deep', `${what}: ${JSON_TOO_DEEP_MESSAGE}`);
  try {
    return JSON.parse(text);
  } catch {
    // The parser's own message (engine-specific wording) is not an API contract.
    throw badRequest('malformed-json', `${what} is not valid JSON`);
  }
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
