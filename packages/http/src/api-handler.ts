import middy, { type MiddlewareObj } from '@middy/core';
import { AppError, forbidden, invalid, isAppError, unauthenticated } from '@parcours/domain/errors';
import { confirmedAccess, type StoredAccess } from '@parcours/domain/people/person';
import type { Principal } from '@parcours/domain/roles';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { safeParse } from 'zod/mini';
import type * as core from 'zod/v4/core';
import { type Claims, principalFromClaims } from './claims.ts';
import { logger, redact } from './logger.ts';
import { isDependencyOutage, OUTAGE_BODY, OUTAGE_RETRY_AFTER_SECONDS } from './outage.ts';
import { errorResponse, json, SECURITY_HEADERS } from './responses.ts';
import type { HttpTrigger } from './route-types.ts';
import { STATUS_BY_KIND } from './status.ts';
import { parseJsonBody } from './strict-json.ts';

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type ApiResult = APIGatewayProxyStructuredResultV2;

type Infer<T> = T extends core.$ZodType ? core.output<T> : undefined;

export interface ApiRequest<R extends HttpTrigger> {
  params: Infer<R['params']>;
  query: Infer<R['query']>;
  body: Infer<R['body']>;
  /** Undefined only on public routes. */
  principal: R['auth'] extends { kind: 'roles' } ? Principal : Principal | undefined;
  event: ApiEvent;
  requestId: string;
}

export interface ApiReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A complete result, returned as is: raw routes (the LRS) that build their own bodies and headers. */
  result?: ApiResult;
}

type InternalState = { principal?: Principal; params?: unknown; query?: unknown; body?: unknown };

function issuesOf(e: core.$ZodError) {
  return e.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));
}

/** Middleware: the only place errors become HTTP. Registered first, so its onError runs last (middy unwinds). */
const errorMapper = (): MiddlewareObj<ApiEvent, ApiResult> => ({
  onError: async (request) => {
    const e = request.error;
    if (isAppError(e)) {
      request.response = errorResponse(STATUS_BY_KIND[e.kind], e.code, e.message, e.details);
      if (e.kind === 'unauthenticated')
        request.response.headers = { ...request.response.headers, 'www-authenticate': 'Bearer' };
      return;
    }
    if (isDependencyOutage(e)) {
      logger.warn('dependency unavailable', {
        error: e instanceof Error ? { name: e.name, message: e.message } : String(e),
        route: request.event.routeKey,
      });
      request.response = json(503, OUTAGE_BODY, { 'retry-after': String(OUTAGE_RETRY_AFTER_SECONDS) });
      return;
    }
    // 5xx bodies are generic: the detail goes to the logs (redacted), never to the caller.
    logger.error('unhandled error', {
      error: e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : String(e),
      route: request.event.routeKey,
      event: redact({ headers: request.event.headers, path: request.event.rawPath }),
    });
    request.response = errorResponse(500, 'internal-error', 'An internal error occurred');
  },
});

/** What the table grants a person today (packages/store/src/person-repo.ts `storedAccess`). */
export type StoredAccessReader = (userId: string) => Promise<StoredAccess | undefined>;

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Middleware: authentication and role check, from the route table's declaration. A write — or a read the route table
 * marks `recheck` (personal data, the audit log) — by someone whose token names a role beyond learner is checked
 * against the stored roles and HR services too: a token lives an hour, a revoked role must not (the lab's revocation
 * is effective at the next such request, not at the next token).
 */
const authorize = (route: HttpTrigger, stored?: StoredAccessReader): MiddlewareObj<ApiEvent, ApiResult> => ({
  before: async (request) => {
    if (route.auth.kind !== 'roles') return;
    const claims = request.event.requestContext?.authorizer?.jwt?.claims as Claims | undefined;
    const principal = principalFromClaims(claims);
    if (!principal) throw unauthenticated('A valid bearer token is required');
    const required = `This action requires one of the roles: ${route.auth.roles.join(', ')}`;
    if (!route.auth.roles.some((r) => principal.roles.includes(r)))
      throw forbidden(required, 'role-required');
    const write = !READS.has((request.event.requestContext?.http?.method ?? 'GET').toUpperCase());
    if ((write || route.recheck) && stored && principal.roles.some((r) => r !== 'learner')) {
      const confirmed = confirmedAccess(principal, await stored(principal.userId));
      principal.roles = confirmed.roles;
      if (principal.hrServices) principal.hrServices = confirmed.hrServices;
      if (!route.auth.roles.some((r) => principal.roles.includes(r)))
        throw forbidden(`${required}; yours was revoked`, 'role-revoked');
    }
    (request.internal as InternalState).principal = principal;
  },
});

/** Middleware: strict JSON parsing, then zod validation of path parameters, query string and body. */
const validate = (route: HttpTrigger): MiddlewareObj<ApiEvent, ApiResult> => ({
  before: async (request) => {
    const ev = request.event;
    const state = request.internal as InternalState;
    const check = <S extends core.$ZodType>(schema: S | undefined, value: unknown, where: string) => {
      if (!schema) return undefined;
      const r = safeParse(schema, value);
      if (!r.success) throw invalid('validation-failed', `Invalid ${where}`, issuesOf(r.error));
      return r.data;
    };
    state.params = check(route.params, ev.pathParameters ?? {}, 'path parameters');
    state.query = check(route.query, ev.queryStringParameters ?? {}, 'query string');
    const rawBody = parseJsonBody(ev.body, ev.isBase64Encoded, ev.headers?.['content-type']);
    if (route.body) {
      // An absent body is accepted when the schema accepts an empty object (e.g. `{ reason? }` on cancel routes).
      if (rawBody === undefined) {
        const empty = safeParse(route.body, {});
        if (!empty.success) throw invalid('body-required', 'A JSON body is required');
        state.body = empty.data;
      } else {
        state.body = check(route.body, rawBody, 'body');
      }
    } else if (rawBody !== undefined) {
      throw invalid('unexpected-body', 'This route takes no body');
    }
  },
});

/**
 * Builds a Lambda handler for one HTTP route of the route table. Middleware first (error mapping, authorization,
 * validation), the business function last; the function returns a plain reply and throws AppErrors.
 */
export function createApiHandler<R extends HttpTrigger>(
  route: R,
  fn: (req: ApiRequest<R>) => Promise<ApiReply>,
  options: { storedAccess?: StoredAccessReader } = {},
): (event: ApiEvent, context: Context) => Promise<ApiResult> {
  const core = async (event: ApiEvent, context: Context): Promise<ApiResult> => {
    const state = (context as Context & { __state?: InternalState }).__state ?? {};
    const reply = await fn({
      params: state.params as Infer<R['params']>,
      query: state.query as Infer<R['query']>,
      body: state.body as Infer<R['body']>,
      principal: state.principal as ApiRequest<R>['principal'],
      event,
      requestId: context.awsRequestId,
    });
    if (reply.result) return reply.result;
    const status = reply.status ?? route.successStatus ?? 200;
    if (status === 204) return { statusCode: 204, headers: { ...SECURITY_HEADERS, ...reply.headers } };
    return json(status, reply.body, reply.headers);
  };
  const chain = middy<ApiEvent, ApiResult, Error, Context>()
    .use(errorMapper())
    .use(authorize(route, options.storedAccess))
    // middy rejects an empty middleware object: raw routes get a no-op instead of the validator.
    .use(route.raw ? { before: async () => undefined } : validate(route))
    .use({
      // Hands the validated state to the business function through the context (middy's internal store is
      // per-invocation, the context object too).
      before: async (request) => {
        (request.context as Context & { __state?: InternalState }).__state =
          request.internal as InternalState;
      },
    })
    .handler(core);
  return chain as unknown as (event: ApiEvent, context: Context) => Promise<ApiResult>;
}

export { AppError };
