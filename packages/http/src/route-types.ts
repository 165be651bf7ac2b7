import type { Role } from '@parcours/domain/roles';
import type * as core from 'zod/v4/core';

/** `ANY` matches every method (API Gateway's catch-all); a route with a specific method wins over it. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'ANY';

/** Who may call a route. `public` routes get no JWT authorizer on AWS; every other route requires one of `roles`. */
export type RouteAuth =
  | { readonly kind: 'public' }
  | { readonly kind: 'roles'; readonly roles: readonly Role[] }
  /** LRS routes: HTTP Basic with LRS client credentials, checked by the LRS itself (xAPI Communication §4). */
  | { readonly kind: 'lrs-basic' };

/**
 * What the stack, the local adapter and the authorization tests need to know of a route — and nothing that pulls
 * code in: no schema, no handler. Importing every context's routes stays cheap (infra, local stack, benches).
 */
export interface RouteMeta {
  readonly method: HttpMethod;
  /** API Gateway syntax: `/sessions/{id}`; `{proxy+}` for greedy tails. */
  readonly path: string;
  readonly auth: RouteAuth;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly successStatus?: number;
  /** Raw routes (the LRS) parse bodies and headers themselves: no JSON parsing or zod validation middleware. */
  readonly raw?: boolean;
  /**
   * A read sensitive enough to re-check the stored roles, as every write does (someone's personal data, the audit
   * log): a revoked lab member loses it at once, not when their token expires.
   */
  readonly recheck?: boolean;
}

/** A route's validation schemas (zod/mini or classic: both are zod core schemas). Loaded only by its context. */
export interface RouteSchemas {
  readonly params?: core.$ZodObject;
  readonly query?: core.$ZodObject;
  readonly body?: core.$ZodType;
  readonly response?: core.$ZodType;
}

/** A whole route: what the handler middleware validates and the OpenAPI document describes. */
export type HttpTrigger = RouteMeta & RouteSchemas;

/**
 * DynamoDB actions a function may call on the table (IAM names). A transaction needs the action of each of its items
 * (`PutItem`, `UpdateItem`, `DeleteItem`, `ConditionCheckItem`); there is no separate transaction permission.
 */
export type TableAction =
  | 'GetItem'
  | 'BatchGetItem'
  | 'Query'
  | 'Scan'
  | 'DescribeTable'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'BatchWriteItem'
  | 'ConditionCheckItem';

export const TABLE_WRITE_ACTIONS: readonly TableAction[] = [
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'ConditionCheckItem',
];

export interface FunctionAccess {
  /** Exactly the table actions the function calls: the IAM policy on AWS, enforced on every call by the local stack. */
  readonly table: readonly TableAction[];
  /** Sends email through SES (as the configured sender only). */
  readonly ses?: boolean;
  /** Checks that mail answers (`/health`): read-only SES account access, no sending. */
  readonly mailProbe?: boolean;
  /** Signs or verifies e-mail links (one-click unsubscribe): it gets LINK_SIGNING_SECRET. */
  readonly linkSecret?: boolean;
  /**
   * The user pool actions it calls (IAM names, `cognito-idp:<action>` on the one pool): mirroring the roles the lab
   * grants into groups and attributes, inviting the first administrator. It gets USER_POOL_ID.
   */
  readonly userPool?: readonly UserPoolAction[];
}

export type UserPoolAction =
  | 'AdminGetUser'
  | 'AdminCreateUser'
  | 'AdminListGroupsForUser'
  | 'AdminAddUserToGroup'
  | 'AdminRemoveUserFromGroup'
  | 'AdminUpdateUserAttributes'
  | 'AdminDeleteUserAttributes';

/**
 * One deployable: a bounded context's Lambda (its folder under `functions/`). It serves its HTTP routes (dispatching
 * on API Gateway's route key) and, when it has one, its schedule or the table's stream.
 */
export interface FunctionDef {
  /** kebab-case; the folder `functions/<name>/`, whose `handler.ts` is the Lambda entry. */
  readonly name: string;
  readonly routes?: Readonly<Record<string, RouteMeta>>;
  /** EventBridge Scheduler expression, e.g. `rate(1 minute)`; locally an interval. */
  readonly schedule?: { readonly expression: string; readonly localIntervalMs: number };
  /** Fed by the table's stream (an event source mapping on AWS, a stream poller locally). */
  readonly stream?: { readonly batchSize: number };
  /** Runs once at the end of each deployment that changed it (a CDK Trigger), e.g. seeding an empty table. */
  readonly afterDeploy?: true;
  readonly access: FunctionAccess;
  readonly timeoutSeconds?: number;
  readonly memoryMb?: number;
}

export function routeKeyOf(t: Pick<RouteMeta, 'method' | 'path'>): string {
  return `${t.method} ${t.path}`;
}

/** Every HTTP route of the given functions, with the function (context) that serves it. */
export function routesOf(
  functions: readonly FunctionDef[],
): { name: string; route: RouteMeta; fn: FunctionDef }[] {
  return functions.flatMap((fn) =>
    Object.entries(fn.routes ?? {}).map(([name, route]) => ({ name, route, fn })),
  );
}
