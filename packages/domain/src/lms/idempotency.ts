import { invalid } from '../errors.ts';

/**
 * Idempotency keys are client-chosen (a UUID is typical). They end up inside a table key, so the character set
 * excludes the key separator `#`.
 */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;

/** Reads the `Idempotency-Key` header value: absent → undefined, malformed → 400. */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const key = header.trim();
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw invalid(
      'invalid-idempotency-key',
      'Idempotency-Key must be 1 to 128 characters among A-Z a-z 0-9 _ . : -',
    );
  }
  return key;
}
