import { z } from 'zod';
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
export const score: z.ZodType<Score> = z
  .strictObject({
    scaled: z
      .number()
      .min(-1, 'must be between -1 and 1 inclusive (Data 2.4.5.1.s2)')
      .max(1, 'must be between -1 and 1 inclusive (Data 2.4.5.1.s2)')
      .optional(),
    raw: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .check(checkScore);

// xAPI 1.0.3 Data §2.4.5 Result: success and completion are booleans, never "true" strings (Data 2.2.s4.b1.b3).
export const result: z.ZodType<Result> = z
  .strictObject({
    score: score.optional(),
    success: z.boolean().optional(),
    completion: z.boolean().optional(),
    response: z.string().optional(),
    duration: duration.optional(),
    extensions: extensions.optional(),
  })
  .check(notEmpty);
