import '@parcours/domain/zod-locale';
import * as z from 'zod/mini';
import type { Result, Score } from '../types.ts';
import { duration, extensions, notEmpty } from './primitives.ts';

/** The Result Object (xAPI 1.0.3 Data §2.4.5) and its Score (§2.4.5.1). */

function checkScore(ctx: z.core.ParsePayload<Score>): void {
  const { raw, min, max } = ctx.value;
  notEmpty(ctx);
  // "min: Decimal number less than max (if present)"; "max: Decimal number greater than min (if present)".
  if (min !== undefined && max !== undefined && !(min < max)) {
    ctx.issues.push({
      code: 'custom',
      input: min,
      path: ['min'],
      message: `must be less than max (${max}) (Data 2.4.5.1.s2)`,
    });
  }
  // "raw: Decimal number between min and max (if present, otherwise unrestricted), inclusive".
  if (raw !== undefined && min !== undefined && raw < min) {
    ctx.issues.push({
      code: 'custom',
      input: raw,
      path: ['raw'],
      message: `must not be below min (${min}) (Data 2.4.5.1.s2)`,
    });
  }
  if (raw !== undefined && max !== undefined && raw > max) {
    ctx.issues.push({
      code: 'custom',
      input: raw,
      path: ['raw'],
      message: `must not exceed max (${max}) (Data 2.4.5.1.s2)`,
    });
  }
}

// xAPI 1.0.3 Data §2.4.5.1 Score: numbers only; a string holding a number is rejected (Data 2.2.s4.b1.b2).
export const score: z.ZodMiniType<Score> = z
  .strictObject({
    scaled: z.optional(
      z
        .number()
        .check(
          z.gte(-1, 'must be between -1 and 1 inclusive (Data 2.4.5.1.s2)'),
          z.lte(1, 'must be between -1 and 1 inclusive (Data 2.4.5.1.s2)'),
        ),
    ),
    raw: z.optional(z.number()),
    min: z.optional(z.number()),
    max: z.optional(z.number()),
  })
  .check(checkScore);

// xAPI 1.0.3 Data §2.4.5 Result: success and completion are booleans, never "true" strings (Data 2.2.s4.b1.b3).
export const result: z.ZodMiniType<Result> = z
  .strictObject({
    score: z.optional(score),
    success: z.optional(z.boolean()),
    completion: z.optional(z.boolean()),
    response: z.optional(z.string()),
    duration: z.optional(duration),
    extensions: z.optional(extensions),
  })
  .check(notEmpty);
