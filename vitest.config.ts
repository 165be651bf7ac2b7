import { defineConfig } from 'vitest/config';

/**
 * Four projects: pure unit tests, integration tests against the real local stand-ins (DynamoDB Local, the SES sink
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
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // The stack of `npm start` with the built web app, driven by Debian's Chromium (test/e2e/global-setup.ts).
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // One browser at a time: the views share the demo people and DynamoDB Local is one JVM.
          maxWorkers: 1,
          sequence: { groupOrder: 3 },
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
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
