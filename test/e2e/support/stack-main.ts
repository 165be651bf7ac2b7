/**
 * The browser tests' stack in a process of its own: the local stack configures its handlers through process.env
 * (table, SES and DynamoDB endpoints), so it cannot share the test runner's process with the integration project's
 * stack. Prints `E2E_READY <apiUrl>` once seeded; SIGTERM stops it (DynamoDB Local and the SES sink with it).
 */
import { Api } from './api-client.ts';
import { seedDemoActivity } from './demo-activity.ts';
import { startE2eStack } from './e2e-stack.ts';

const stack = await startE2eStack((m) => console.error(`[e2e stack] ${m}`));
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
try {
  await seedDemoActivity(new Api(stack.apiUrl));
  console.log(`E2E_READY ${stack.apiUrl}`);
} catch (e) {
  console.error('[e2e stack] seeding failed', e);
  await stop();
}
