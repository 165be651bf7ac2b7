import { logger } from '@parcours/http';
import { runMonthlySummary } from '../lib/reports/monthly-summary.ts';

/**
 * Scheduled on the 1st of each month (route table): records last month's HR summaries. The event may name a month
 * (`{ "month": "2026-10" }`) to produce a missed one; a month already produced is not produced twice.
 */
export const handler = async (event: { month?: unknown } = {}) => {
  const month =
    typeof event?.month === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(event.month) ? event.month : undefined;
  const r = await runMonthlySummary(month ? { month } : {});
  logger.info('monthly HR summaries', r);
  return r;
};
