import { nowIso } from '@parcours/domain/clock';
import { logger } from '@parcours/http';
import { type SeedResult, seedProgramme } from '@parcours/store/programme-seed';
import { seedSources } from './sources.ts';

/** The seed run (a CDK Trigger after each deployment that changed it; the local stack at start). Idempotent. */
export const handler = async (): Promise<SeedResult> => {
  const result = await seedProgramme(seedSources, nowIso());
  logger.info('programme seeded', { ...result });
  return result;
};
