import '../zod-locale.ts';
import type * as z from 'zod/mini';

/**
 * Validates one file of `content/` (a bad file is a bad deploy): the parsed data, or an error listing every issue
 * with its path, so the function's init fails loudly instead of serving half-valid data.
 */
export function parseContent<T>(schema: z.ZodMiniType<T>, raw: unknown, file: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`content/${file} is invalid:\n${issues}`);
  }
  return parsed.data;
}
