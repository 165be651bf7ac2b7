import type { SeedResult } from '@parcours/store/programme-seed';
import { handler } from '../../../functions/seed/handler.ts';

/**
 * Seeds the programme as a deployment does: the seed function itself (functions/seed), insert-if-absent, so a
 * restart never writes over what the lab changed.
 */
export function seedContent(): Promise<SeedResult> {
  return handler();
}
