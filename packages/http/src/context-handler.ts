import type { Context } from 'aws-lambda';
import {
  type ApiEvent,
  type ApiReply,
  type ApiRequest,
  type ApiResult,
  createApiHandler,
  type StoredAccessReader,
} from './api-handler.ts';
import { errorResponse } from './responses.ts';
import { type RouteMeta, type RouteSchemas, routeKeyOf } from './route-types.ts';

export type ApiHandler = (event: ApiEvent, context: Context) => Promise<ApiResult>;

export interface BindOptions {
  /**
   * Runs before every business function of the context, after authorization and validation and inside the error
   * handling (a failure is answered like the function's own): e.g. loading the programme's current revision.
   */
  before?: () => Promise<void>;
  /**
   * The stored roles and HR scope, re-read on every write (and `recheck` read) by a trainer, HR or lab member
   * (api-handler.ts `authorize`). Required as soon as a route needs a role: a context cannot forget it.
   */
  storedAccess?: StoredAccessReader;
}

/**
 * A context's `api(name, fn)`: binds a business function to its route's metadata (auth, status) and schemas, so a
 * handler cannot disagree with what the stack deploys or what the OpenAPI document promises. Both tables are the
 * context's own: a handler never loads another context's schemas.
 */
export function bindRoutes<
  M extends Record<string, RouteMeta>,
  S extends { readonly [K in keyof M]: RouteSchemas },
>(routes: M, schemas: S, options: BindOptions = {}) {
  const { before, storedAccess } = options;
  const needsRoles = Object.values(routes).some((r) => r.auth.kind === 'roles');
  if (needsRoles && !storedAccess)
    throw new Error('bindRoutes: routes that need a role need `storedAccess` (the stored roles re-check)');
  return <N extends keyof M & string>(
    name: N,
    fn: (req: ApiRequest<M[N] & S[N]>) => Promise<ApiReply>,
    opts: { skipBefore?: boolean } = {},
  ): ApiHandler =>
    createApiHandler(
      { ...routes[name], ...schemas[name] } as M[N] & S[N],
      before && !opts.skipBefore
        ? async (req) => {
            await before();
            return fn(req);
          }
        : fn,
      storedAccess ? { storedAccess } : {},
    );
}

/** Events that are not API Gateway's: a schedule's payload (its shape is the job's own business). */
export type BackgroundHandler = (event: unknown, context: Context) => Promise<unknown>;

function isHttpEvent(event: unknown): event is ApiEvent {
  return typeof (event as ApiEvent | undefined)?.routeKey === 'string';
}

/**
 * The Lambda entry of a context: API Gateway names the route it matched in `routeKey` (`POST /sessions/{id}/cancel`),
 * so the function dispatches on it — each route keeps its own middleware chain (authorization, validation). An
 * event without a route key is the context's schedule, when it has one.
 */
export function dispatchRoutes<M extends Record<string, RouteMeta>>(
  routes: M,
  handlers: { readonly [K in keyof M]: ApiHandler },
  background?: BackgroundHandler,
) {
  const byKey = new Map<string, ApiHandler>(
    Object.entries(routes).map(([name, route]) => [routeKeyOf(route), handlers[name as keyof M]]),
  );
  return async (event: unknown, context: Context): Promise<unknown> => {
    if (!isHttpEvent(event)) {
      if (background) return background(event, context);
      throw new Error('This function serves HTTP routes only: the event has no route key');
    }
    const handler = byKey.get(event.routeKey);
    // API Gateway only forwards the routes the stack declared for this function: a miss is a deployment mistake.
    if (!handler) return errorResponse(404, 'route-not-found', `No route ${event.routeKey}`);
    return handler(event, context);
  };
}
