/**
 * The reminder tick: sends every due notification (reminders, waitlist promotions, evaluation requests) once. The
 * only function allowed to send mail, so SES permissions stay out of every HTTP function.
 */
import type { FunctionDef } from '@parcours/http/route-types';

export const remindersContext = {
  name: 'reminders',
  schedule: { expression: 'rate(1 minute)', localIntervalMs: 15_000 },
  access: {
    table: ['GetItem', 'Query', 'UpdateItem'],
    ses: true,
  },
  timeoutSeconds: 60,
} as const satisfies FunctionDef;
