import type { Role } from '@parcours/domain/roles';
import type { z } from 'zod';

/** `ANY` matches every method (API Gateway's catch-all); a route with a specific method wins over it. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'ANY';

/** Who may call a route. `public` routes get no JWT authorizer on AWS; every other route requires one of `roles`. */
export type RouteAuth =
  | { readonly kind: 'public' }
  | { readonly kind: 'roles'; readonly roles: readonly Role[] }
  /** LRS routes: HTTP Basic with LRS client credentials, checked by the LRS itself (xAPI Communication §4). */
  | { readonly kind: 'lrs-basic' };

export interface HttpTrigger {
  readonly method: HttpMethod;
  /** API Gateway syntax: `/sessions/{id}`; `{proxy+}` for greedy tails. */
  readonly path: string;
  readonly auth: RouteAuth;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly response?: z.ZodType;
  readonly successStatus?: number;
  /** Raw routes (the LRS) parse bodies and headers themselves: no JSON parsing or zod validation middleware. */
  readonly raw?: boolean;
}

export interface TableAccess {
  readonly table: 'none' | 'read' | 'write';
  readonly ses?: boolean;
  /** The function checks that mail answers (`/health`): read-only SES account access, no sending. */
  readonly mailProbe?: boolean;
  /** The function signs or verifies e-mail links (one-click unsubscribe): it gets LINK_SIGNING_SECRET. */
  readonly linkSecret?: boolean;
}

export interface FunctionDef {
  /** kebab-case; the handler lives in `functions/<name>/handler.ts`. */
  readonly name: string;
  readonly http?: HttpTrigger;
  /** EventBridge Scheduler expression, e.g. `rate(1 minute)`; locally an interval. */
  readonly schedule?: { readonly expression: string; readonly localIntervalMs: number };
  /** Fed by the table's stream (an event source mapping on AWS, a stream poller locally). */
  readonly stream?: { readonly batchSize: number };
  readonly access: TableAccess;
  readonly timeoutSeconds?: number;
  readonly memoryMb?: number;
}

export function routeKeyOf(t: Pick<HttpTrigger, 'method' | 'path'>): string {
  return `${t.method} ${t.path}`;
}
