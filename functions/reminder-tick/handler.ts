import { logger } from '@parcours/http';

/**
 * The scheduled tick (EventBridge Scheduler on AWS, an interval locally). The notifications issue fills it:
 * it will Query due notifications and claim each with a conditional write before sending through SES.
 */
export const handler = async (): Promise<{ processed: number }> => {
  logger.debug('reminder tick');
  return { processed: 0 };
};
