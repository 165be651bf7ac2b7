import { nowIso } from '@parcours/domain/clock';
import { logger } from '@parcours/http';
import { refreshProgramme } from '@parcours/store/programme-repo';
import type { Context } from 'aws-lambda';
import { linkConfig } from '../shared/links.ts';
import { runTick, type TickResult } from './deliver.ts';
import { sesConfig } from './mail.ts';

// Cold start: a misconfigured sender or signing secret fails the init loudly, not each message later.
sesConfig();
linkConfig();

/** Safety margin before the function's timeout: enough to record the outcome of the sends in flight. */
const MARGIN_MS = 15_000;
const LOCAL_BUDGET_MS = 45_000;

/**
 * Only the local stack and the tests may move the tick's clock (`{ now }` in the event), to reach reminders due
 * in two days without waiting. `NOTIFICATIONS_CLOCK_OVERRIDE` is set by packages/local/src/local-env.ts and never
 * by the CDK stack: on AWS the event's `now` is ignored.
 */
function clock(event: unknown): string {
  const requested = (event as { now?: unknown } | undefined)?.now;
  if (typeof requested === 'string' && process.env['NOTIFICATIONS_CLOCK_OVERRIDE'] === '1') {
    const t = new Date(requested);
    if (!Number.isNaN(t.getTime())) return t.toISOString();
  }
  if (requested !== undefined) logger.warn('ignoring a clock override outside the local stack');
  return nowIso();
}

/** The scheduled tick (EventBridge Scheduler on AWS, an interval locally): sends every due notification once. */
export const handler = async (event?: unknown, context?: Partial<Context>): Promise<TickResult> => {
  const remaining = context?.getRemainingTimeInMillis?.() ?? LOCAL_BUDGET_MS + MARGIN_MS;
  // The templates and delivery settings of the programme's current revision.
  await refreshProgramme();
  const result = await runTick({
    now: clock(event),
    deadline: Date.now() + Math.max(1_000, remaining - MARGIN_MS),
  });
  if (result.claimed > 0 || result.outage) logger.info('reminder tick', { ...result });
  return result;
};
