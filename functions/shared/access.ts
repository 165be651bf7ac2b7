/**
 * The vocabulary every context's `context.ts` declares its routes and permissions with. Shared because the route
 * table must read the same way in every context.
 */
import type { Role } from '@parcours/domain/roles';
import { type RouteAuth, TABLE_WRITE_ACTIONS, type TableAction } from '@parcours/http/route-types';

export const PUBLIC = { kind: 'public' } as const satisfies RouteAuth;
export const roles = (...r: Role[]) => ({ kind: 'roles', roles: r }) as const satisfies RouteAuth;
export const ANY_SIGNED_IN = roles('learner', 'trainer', 'hr', 'lab');

/**
 * Every item-level table action (no Scan, no DescribeTable): for the contexts whose code reaches them all. The
 * others list theirs in `context.ts` — the single calls their bundle reaches and the transaction items their store
 * modules build, checked by the whole test suite through the local IAM stand-in (packages/local/src/table-access.ts).
 */
export const TABLE_READ_WRITE: readonly TableAction[] = [
  'GetItem',
  'BatchGetItem',
  'Query',
  ...TABLE_WRITE_ACTIONS,
];
