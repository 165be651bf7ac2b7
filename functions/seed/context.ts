/**
 * The programme's seed: loads `content/` into an empty table (catalogue once, each settings document when absent —
 * never over the lab's edits; packages/store/src/programme-seed.ts). Run by the deployment itself (a CDK Trigger) and
 * by the local stack at start: the one place where `content/` is read.
 */
import type { FunctionDef } from '@parcours/http/route-types';

export const seedContext = {
  name: 'seed',
  afterDeploy: true,
  access: {
    // The first administrator's person record and the lab members' counter, in one transaction (Put + Update).
    table: ['GetItem', 'Query', 'PutItem', 'UpdateItem'],
    // The first lab administrator, invited by e-mail from the deploy setting `adminEmail` (admin-invitation.ts).
    userPool: ['AdminGetUser', 'AdminCreateUser', 'AdminAddUserToGroup'],
  },
  timeoutSeconds: 300,
} as const satisfies FunctionDef;
