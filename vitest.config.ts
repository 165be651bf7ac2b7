import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Files that must not share the table with other files running at the same time: the reports file runs the offline
 * full rebuild, which (as its runbook says) assumes no live writes meanwhile — with other files writing, it can put
 * back a listing block older than their last change. They get their own stack, after the parallel ones.
 */
const EXCLUSIVE = ['test/integration/reports.test.ts'];

/**
 * Five projects: pure unit tests, integration tests against the real local stand-ins (DynamoDB Local, the SES sink
 * and the HTTP adapter, started once by the global setup), browser tests of the web app (e2e) against the same
 * stack, and infra tests on the synthesized CDK template.
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
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
