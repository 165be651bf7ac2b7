import { logger } from '@parcours/http';
import { runMonthlySummary } from '../monthly-summary.ts';

/**
 * Scheduled on the 1st of each month (reports/context.ts): records last month's HR summaries. The event may name a
 * month (`{ "month": "2026-10" }`) to produce a missed one; a month already produced is not produced twice.
 */
export const handler = async (event: unknown) => {
  const requested = (event as { month?: unknown } | undefined)?.month;
  const month =
    typeof requested === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(requested) ? requested : undefined;
  const r = await runMonthlySummary(month ? { month } : {});
  logger.info('monthly HR summaries', r);
  return r;
};
