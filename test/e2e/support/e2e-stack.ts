import { functions } from '../../../functions/routes.ts';
import { loadDemoData } from '../../../packages/local/src/demo-data.ts';
import {
  DEMO_USERS,
  ensureWebBuilt,
  type LocalStack,
  REPO_ROOT,
  seedContent,
  startLocalStack,
} from '../../../packages/local/src/index.ts';

/**
 * The stack the browser tests and the screenshots drive: what `npm start` runs (the same functions, content and
 * demo programme, the built web app under /app/), in memory, on free ports, without the schedules.
 */
export async function startE2eStack(log: (m: string) => void = () => undefined): Promise<LocalStack> {
  const distDir = ensureWebBuilt(REPO_ROOT, log);
  return startLocalStack(functions, {
    schedules: false,
    web: { distDir, config: { apiBaseUrl: '', demoUsers: Object.values(DEMO_USERS) } },
    seed: async ({ apiUrl, tokens }) => {
      await seedContent();
      const demo = await loadDemoData(apiUrl, tokens, { log });
      if (demo.failed) log(`demo data: ${demo.failed} session(s) failed`);
    },
  });
}
