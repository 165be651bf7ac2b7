import { defineConfig } from 'vitest/config';

/**
 * Three projects: pure unit tests, integration tests against the real local stand-ins (DynamoDB Local, the SES sink
 * and the HTTP adapter, started once by the global setup), and infra tests on the synthesized CDK template.
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
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
        },
      },
      {
        extends: true,
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
