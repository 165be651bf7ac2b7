import '@parcours/domain/zod-locale';
import * as z from 'zod/mini';
import { badRequest } from './errors.ts';

/**
 * The `more` cursor of a StatementResult (Data 2.5): the whole query (index, filters, format) plus the position in
 * the index, encoded as base64url JSON. Opaque to clients; decoding validates its shape so a forged cursor can only
 * express a query the caller could have sent (permissions are re-applied on every page).
 */
const cursorSchema = z.strictObject({
  v: z.literal(1),
  /** Index kind and value. */
  k: z.string(),
  x: z.string(),
  since: z.optional(z.string()),
  until: z.optional(z.string()),
  asc: z.boolean(),
  f: z.record(z.string(), z.string()),
  format: z.enum(['ids', 'exact', 'canonical']),
  attachments: z.boolean(),
  /** Statements still to return over all pages (0: no limit). */
  limit: z.int().check(z.nonnegative()),
  /** The index key to continue after. */
  after: z.record(z.string(), z.string()),
});

export type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(token: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('invalid-cursor', 'The more token is not one this LRS issued');
  }
  const r = cursorSchema.safeParse(parsed);
  if (!r.success) throw badRequest('invalid-cursor', 'The more token is not one this LRS issued');
  return r.data;
}
