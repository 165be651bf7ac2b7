import { nowIso } from '@parcours/domain/clock';
import { logger } from '@parcours/http';
import { type SeedResult, seedProgramme } from '@parcours/store/programme-seed';
import { type AdminInvitation, inviteFirstAdmin } from './admin-invitation.ts';
import { seedSources } from './sources.ts';

/** The seed run (a CDK Trigger after each deployment that changed it; the local stack at start). Idempotent. */
export const handler = async (): Promise<SeedResult & { admin: AdminInvitation }> => {
  const result = await seedProgramme(seedSources, nowIso());
  logger.info('programme seeded', { ...result });
  const admin = await inviteFirstAdmin(process.env['ADMIN_EMAIL']);
  logger.info('first administrator', { ...admin });
  return { ...result, admin };
};
