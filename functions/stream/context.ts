/**
 * The table's stream consumer: feeds every context's projections (audit log, xAPI index, HR report counters,
 * transfer aggregates, notification schedule) from the table's changes. It reads the other contexts' projection
 * modules on purpose: a projection belongs with the context whose reads it serves, the stream is one.
 */
import type { FunctionDef } from '@parcours/http/route-types';
import { TABLE_READ_WRITE } from '../shared/access.ts';

export const streamContext = {
  name: 'stream',
  stream: { batchSize: 500 },
  access: {
    table: TABLE_READ_WRITE,
    // The roles the lab grants, mirrored into the user pool's groups and scope attributes (people/role-mirror.ts).
    userPool: [
      'AdminGetUser',
      'AdminListGroupsForUser',
      'AdminAddUserToGroup',
      'AdminRemoveUserFromGroup',
      'AdminUpdateUserAttributes',
      'AdminDeleteUserAttributes',
    ],
  },
  timeoutSeconds: 60,
} as const satisfies FunctionDef;
