import { catalog } from '@parcours/domain/content/catalog';
import { competenciesHeld, pathProgress } from '@parcours/domain/lms/progress';
import { readLearnerState } from '@parcours/store';
import { api } from '../api.ts';
import { toLearnerFacts } from '../learner-facts.ts';

/** Every path, joined ones first: a learner who has not joined any yet still sees what each would take. */
export const handler = api('me-progress', async ({ principal }) => {
  const facts = toLearnerFacts(await readLearnerState(principal.userId));
  const paths = catalog()
    .paths.map((p) => pathProgress(p, facts))
    .sort((a, b) => Number(b.joined) - Number(a.joined));
  return { body: { paths, competencies: competenciesHeld(catalog(), facts) } };
});
