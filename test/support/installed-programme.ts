/**
 * Test processes that call domain code directly (unit tests, integration tests' own assertions) read the programme
 * the seed holds — what a freshly seeded table serves. The stack under test reads its table, like a deployment.
 */
import { seedSources } from '../../functions/seed/sources.ts';
import { installProgramme } from '../../packages/domain/src/content/programme.ts';

installProgramme(0, structuredClone(seedSources));
