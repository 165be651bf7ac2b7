import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Files that must not share the table with other files running at the same time: the reports file runs the offline
 * full rebuild, which (as its runbook says) assumes no live writes meanwhile — with other files writing, it can put
 * back a listing block older than their last change; the transfer-rebuild file compares the whole table's
 * aggregates with a recomputation, which only agree at a moment when nobody else writes. They run alone, after the
 * parallel ones (on the same stack: see test/integration/global-setup.ts).
 * The notification files run the reminder tick with an injected clock; a tick sends whatever is due in the whole
 * table at that instant, so a tick set in 2027 by one file would send another file's reminders before that file
 * moves its session. Run one after the other, each file's ticks only meet its own pending messages.
 */
const EXCLUSIVE = [
  'test/integration/reports.test.ts',
  'test/integration/transfer-rebuild.test.ts',
  'test/integration/notifications.test.ts',
  'test/integration/notifications-more.test.ts',
  // Kills and restarts the stand-ins of a stack of its own: alone, so its JVM restarts do not starve the others.
  'test/integration/outage.test.ts',
  // Injects throttling, conflicts and leftovers into the process's table client: nobody else may call it meanwhile.
  'test/integration/store-faults.test.ts',
  // Sets the lab members' count that every lab token of the other files moves.
  'test/integration/lab-members.test.ts',
];

/**
 * Five projects: pure unit tests, integration tests against the real local stand-ins (DynamoDB Local, the SES sink
 * and the HTTP adapter, started once by the global setup), browser tests of the web app (e2e) against the same
 * stack, and infra tests on the synthesized CDK template.
 */
// Tests run quiet: only errors reach the output, unless a test asserts on a log line (it sets its own level).
process.env['LOG_LEVEL'] ??= 'ERROR';
// Node 20 here on purpose (README): the SDK's Node 22 notice is known.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/support/installed-programme.ts'],
          environment: 'node',
          // RSA key generation and scrypt are CPU-bound: a loaded 2-core CI box needs headroom.
          testTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          setupFiles: ['test/support/installed-programme.ts'],
          exclude: [...configDefaults.exclude, ...EXCLUSIVE],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // DynamoDB Local is a single JVM on a 2-core machine: a few workers saturate it.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration-exclusive',
          include: EXCLUSIVE,
          setupFiles: ['test/support/installed-programme.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // The stack of `npm start` with the built web app, driven by Debian's Chromium (test/e2e/global-setup.ts).
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // One browser at a time: the views share the demo people and DynamoDB Local is one JVM.
          maxWorkers: 1,
          sequence: { groupOrder: 4 },
        },
      },
      {
        extends: true,
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
          maxWorkers: 2,
          // After the stack-based projects: synthesis is CPU-bound and would starve DynamoDB Local.
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
