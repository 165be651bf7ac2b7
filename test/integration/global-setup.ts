import type { TestProject } from 'vitest/node';
import { functions } from '../../functions/routes.ts';
import { type LocalStack, seedContent, startLocalStack } from '../../packages/local/src/index.ts';

/**
 * Starts the real local stand-ins once for the integration project: DynamoDB Local (in memory), the SES sink and
 * the HTTP adapter. Tests talk to them over HTTP; everything is stopped by PID at teardown.
 */
let stack: LocalStack | undefined;

export default async function setup(project: TestProject) {
  stack = await startLocalStack(functions, {
    schedules: false,
    seed: async () => void (await seedContent()),
  });
  project.provide('apiUrl', stack.apiUrl);
  project.provide('sesUrl', stack.sesUrl);
  project.provide('dynamoEndpoint', stack.dynamoEndpoint);
  project.provide('pids', stack.pids);
  return async () => {
    await stack?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    sesUrl: string;
    dynamoEndpoint: string;
    pids: number[];
  }
}
