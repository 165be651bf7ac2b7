import type { TestProject } from 'vitest/node';
import { functions } from '../../functions/routes.ts';
import { type LocalStack, seedContent, startLocalStack } from '../../packages/local/src/index.ts';

/**
 * Starts the real local stand-ins once for the integration projects: DynamoDB Local (in memory), the SES sink and
 * the HTTP adapter. Tests talk to them over HTTP; everything is stopped by PID at teardown.
 *
 * One stack per process, shared by the `integration` and `integration-exclusive` projects: the handlers are modules
 * of this process, so their clients (table, SES) are created once, from the environment of the first stack. A second
 * stack here would serve requests with the first one's clients — the exclusive files are isolated by running alone,
 * after the parallel ones, not by a stack of their own.
 */
const shared = globalThis as { parcoursStack?: { stack: Promise<LocalStack>; users: number } };

export default async function setup(project: TestProject) {
  shared.parcoursStack ??= {
    stack: startLocalStack(functions, { schedules: false, seed: async () => void (await seedContent()) }),
    users: 0,
  };
  shared.parcoursStack.users += 1;
  const stack = await shared.parcoursStack.stack;
  project.provide('apiUrl', stack.apiUrl);
  project.provide('sesUrl', stack.sesUrl);
  project.provide('dynamoEndpoint', stack.dynamoEndpoint);
  project.provide('pids', stack.pids);
  project.provide('pool', {
    endpoint: stack.tokens.pool.endpoint,
    poolId: stack.tokens.pool.poolId,
    clientId: stack.tokens.pool.clientId,
    issuer: stack.tokens.pool.issuer,
    hostedUiUrl: stack.hostedUiUrl,
    proConnectIssuer: stack.proConnectIssuer,
  });
  return async () => {
    const s = shared.parcoursStack;
    if (!s || --s.users > 0) return;
    shared.parcoursStack = undefined;
    await (await s.stack).stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    sesUrl: string;
    dynamoEndpoint: string;
    pids: number[];
    /** The user pool stand-in and the federation in front of it (packages/local: cognito-local, hosted-ui). */
    pool: {
      endpoint: string;
      poolId: string;
      clientId: string;
      issuer: string;
      hostedUiUrl: string;
      proConnectIssuer: string;
    };
  }
}
