import '../zod-locale.ts';
import type * as z from 'zod/mini';

/**
 * Validates one part of the programme's data (programme.ts): the parsed data, or an error listing every issue with
 * its path, so a function fails loudly instead of serving half-valid data.
 */
export function parseContent<T>(schema: z.ZodMiniType<T>, raw: unknown, part: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`The programme's ${part} data is invalid:\n${issues}`);
  }
  return parsed.data;
}
