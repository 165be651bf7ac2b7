import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { LIMITS } from '@parcours/domain/limits';
import { isDependencyOutage, OUTAGE_BODY, OUTAGE_RETRY_AFTER_SECONDS } from '@parcours/http/outage';
import { errorResponse, json } from '@parcours/http/responses';
import { type FunctionDef, routesOf } from '@parcours/http/route-types';
import type { FaultLog, FaultRule } from '@parcours/store/faults';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { z } from 'zod';
import { type LocalIdentity, PoolUnavailableError, tokenRequestSchema } from './local-identity.ts';
import { NOW_HEADER, requestedOffset, withClockOffset } from './request-clock.ts';
import { type CompiledRoute, compileRoute, isMalformedPath, matchRoute } from './route-matcher.ts';
import { isWebPath, serveWebApp, type WebAppOptions } from './web-static.ts';

export type HttpHandler = (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;
export type HandlerLoader = (name: string) => Promise<HttpHandler>;

/** Media types API Gateway passes through as text; everything else arrives base64-encoded. */
function isTextual(contentType: string | undefined): boolean {
  const t = (contentType ?? '').toLowerCase();
  return (
    t === '' ||
    t.startsWith('text/') ||
    t.includes('json') ||
    t.includes('xml') ||
    t.startsWith('application/x-www-form-urlencoded') ||
    t.startsWith('application/javascript')
  );
}

/**
 * Renders claims as API Gateway's JWT authorizer does: every value a string, arrays of strings as "[a b]"; objects
 * (the `identities` of a federated sign-in) as text too.
 */
function renderClaims(claims: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(claims)) {
    if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) out[k] = `[${v.join(' ')}]`;
    else out[k] = typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
  }
  return out;
}

/**
 * Reads the body up to API Gateway's limit. Beyond it, the rest is discarded as it arrives (so the client can read
 * the 413 instead of seeing its upload cut) and `undefined` is returned at once.
 */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > LIMITS.requestBytes) {
        over = true;
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The rest of an oversized body is drained (Node discards unread bodies), so the client can read this answer. */
const tooLarge = (): APIGatewayProxyStructuredResultV2 =>
  errorResponse(
    413,
    'payload-too-large',
    `Request body exceeds ${LIMITS.requestBytes / 1024 / 1024} MiB (API Gateway's limit)`,
  );

function send(res: ServerResponse, result: APIGatewayProxyStructuredResultV2, head: boolean): void {
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(result.headers ?? {})) headers[k.toLowerCase()] = String(v);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  const body = result.body
    ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8')
    : Buffer.alloc(0);
  headers['content-length'] = String(body.length);
  res.writeHead(result.statusCode ?? 200, headers);
  res.end(head ? undefined : body);
}

export interface AdapterOptions {
  functions: readonly FunctionDef[];
  load: HandlerLoader;
  /** Verifies bearer tokens as API Gateway's JWT authorizer does; mints the local sign-in's (local-identity.ts). */
  tokens: Pick<LocalIdentity, 'verify' | 'tokenFor'>;
  /** Extra local-only routes (never deployed): e.g. `POST /_local/token`. */
  localRoutes?: boolean;
  /** With `localRoutes`: test controls of the local stack under `POST /_local/…` (see `localControl`). */
  control?: LocalControl;
  /** The web dashboards under `/app/` (web-static.ts), served before any route matching. */
  web?: WebAppOptions;
  /** `GET /openapi.json`: the API document, as the deployed stack publishes it beside the web app. */
  apiDocument?: () => Promise<unknown>;
}

/** What tests may drive in the local stack (never deployed: not in the route table, only with `localRoutes`). */
export interface LocalControl {
  runFunction: (name: string, event: unknown) => Promise<unknown>;
  streamDrained: () => Promise<void>;
  stopSes: () => Promise<void>;
  startSes: () => Promise<void>;
  /** Table faults for the calls that match (store/faults.ts): throttling, conflicts, 500s, leftovers. */
  injectFaults: (rules: FaultRule[]) => void;
  clearFaults: () => FaultLog;
  /** The table actions each function has used (the IAM stand-in's record, table-access.ts). */
  tableAccess: () => Record<string, string[]>;
}

const faultRulesSchema = z.object({
  rules: z.array(
    z.strictObject({
      command: z.string().min(1),
      fault: z.enum([
        'provisioned-throughput',
        'throttling',
        'transaction-conflict',
        'server-error',
        'unprocessed',
      ]),
      times: z.number().int().min(1).optional(),
      after: z.number().int().min(0).optional(),
      match: z.string().min(1).optional(),
    }),
  ),
});

/**
 * `POST /_local/run/{name}` (JSON body = the event) runs a background function of the route table and answers its
 * result; `POST /_local/stream/drain` waits until the stream consumer has caught up; `POST /_local/ses/stop|start`
 * stops or restarts the SES sink (an outage); `POST /_local/faults` installs table faults (`{ rules }`) and
 * `POST /_local/faults/clear` removes them and answers how many were injected; `POST /_local/table-access` answers the
 * table actions each function has used. Undefined when the path is none of these.
 */
async function localControl(
  control: LocalControl,
  functions: readonly FunctionDef[],
  path: string,
  body: Buffer,
): Promise<APIGatewayProxyStructuredResultV2 | undefined> {
  const ok = (value: unknown) => ({
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value ?? null),
  });
  const run = /^\/_local\/run\/([a-z0-9-]+)$/.exec(path);
  if (run) {
    const fn = functions.find((f) => f.name === run[1] && (f.schedule || f.stream || f.afterDeploy));
    if (!fn) return errorResponse(404, 'function-not-found', `No background function '${run[1]}'`);
    return ok(await control.runFunction(fn.name, body.length ? safeJson(body) : {}));
  }
  if (path === '/_local/stream/drain')
    return ok(await control.streamDrained().then(() => ({ drained: true })));
  if (path === '/_local/ses/stop') return ok(await control.stopSes().then(() => ({ ses: 'stopped' })));
  if (path === '/_local/ses/start') return ok(await control.startSes().then(() => ({ ses: 'started' })));
  if (path === '/_local/faults') {
    const parsed = faultRulesSchema.safeParse(body.length ? safeJson(body) : undefined);
    if (!parsed.success)
      return errorResponse(400, 'validation-failed', 'Invalid fault rules', parsed.error.issues);
    control.injectFaults(parsed.data.rules);
    return ok({ installed: parsed.data.rules.length });
  }
  if (path === '/_local/faults/clear') return ok(control.clearFaults());
  if (path === '/_local/table-access') return ok(control.tableAccess());
  return undefined;
}

/**
 * The local stand-in for API Gateway HTTP API + its JWT authorizer: turns requests into payload v2 events for the
 * same handlers Lambda runs, from the same route table.
 */
export function createHttpAdapter(opts: AdapterOptions): Server {
  const routes: CompiledRoute<FunctionDef>[] = routesOf(opts.functions).map(({ route, fn }) =>
    compileRoute(route, fn),
  );

  return createServer(async (req, res) => {
    const started = Date.now();
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = (req.method ?? 'GET').toUpperCase();
      if (opts.web && isWebPath(url.pathname)) return serveWebApp(method, url.pathname, res, opts.web);
      // As API Gateway: an announced oversized body is refused before anything else, without reading it.
      if (Number(req.headers['content-length'] ?? 0) > LIMITS.requestBytes)
        return send(res, tooLarge(), false);
      if (isMalformedPath(url.pathname)) {
        return send(
          res,
          errorResponse(400, 'malformed-path', 'The request path has an invalid percent-escape'),
          false,
        );
      }
      let read: Promise<Buffer | undefined> | undefined;
      const readOrRefuse = async (): Promise<Buffer | undefined> => {
        const first = !read;
        read ??= readBody(req);
        const b = await read;
        if (b === undefined && first) send(res, tooLarge(), false);
        return b;
      };

      if (opts.apiDocument && (method === 'GET' || method === 'HEAD') && url.pathname === '/openapi.json') {
        return send(res, json(200, await opts.apiDocument()), method === 'HEAD');
      }

      if (opts.localRoutes && method === 'POST' && url.pathname === '/_local/token') {
        const body = await readOrRefuse();
        if (!body) return;
        const parsed = tokenRequestSchema.safeParse(safeJson(body));
        if (!parsed.success) {
          return send(
            res,
            errorResponse(400, 'validation-failed', 'Invalid token request', parsed.error.issues),
            false,
          );
        }
        return send(
          res,
          {
            statusCode: 200,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ token: await opts.tokens.tokenFor(parsed.data) }),
          },
          false,
        );
      }

      if (opts.localRoutes && opts.control && method === 'POST' && url.pathname.startsWith('/_local/')) {
        const body = await readOrRefuse();
        if (!body) return;
        const result = await localControl(opts.control, opts.functions, url.pathname, body);
        if (result) return send(res, result, false);
      }

      // HEAD reaches an ANY route as HEAD (the LRS answers it itself, xAPI Communication §1.1); otherwise API Gateway
      // answers HEAD with the GET route.
      const match =
        matchRoute(routes, method, url.pathname) ??
        (method === 'HEAD' ? matchRoute(routes, 'GET', url.pathname) : undefined);
      if (!match)
        return send(
          res,
          errorResponse(404, 'route-not-found', `No route for ${method} ${url.pathname}`),
          false,
        );
      const trigger = match.route.trigger;

      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) {
        if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
      }

      let authorizer: APIGatewayProxyEventV2WithJWTAuthorizer['requestContext']['authorizer'] | undefined;
      if (trigger.auth.kind === 'roles') {
        const authz = headers['authorization'] ?? '';
        const token = /^Bearer\s+(.+)$/i.exec(authz)?.[1];
        const claims = token ? await opts.tokens.verify(token) : undefined;
        if (!claims) {
          return send(
            res,
            {
              ...errorResponse(401, 'unauthenticated', 'A valid bearer token is required'),
              headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer' },
            },
            false,
          );
        }
        authorizer = {
          principalId: '',
          integrationLatency: 0,
          jwt: { claims: renderClaims(claims), scopes: [] },
        };
      }
      // The body is read only once the route and the token are known, as API Gateway's authorizer runs first.
      const body = await readOrRefuse();
      if (!body) return;

      const query: Record<string, string> = {};
      for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
      const textual = isTextual(headers['content-type']);
      const requestId = randomUUID();
      const now = new Date();
      const event = {
        version: '2.0',
        routeKey: `${trigger.method} ${trigger.path}`,
        rawPath: url.pathname,
        rawQueryString: url.search.replace(/^\?/, ''),
        headers,
        ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
        ...(Object.keys(match.params).length ? { pathParameters: match.params } : {}),
        ...(body.length ? { body: textual ? body.toString('utf8') : body.toString('base64') } : {}),
        isBase64Encoded: body.length > 0 && !textual,
        requestContext: {
          accountId: 'local',
          apiId: 'local',
          domainName: headers['host'] ?? 'localhost',
          domainPrefix: 'localhost',
          http: {
            method,
            path: url.pathname,
            protocol: 'HTTP/1.1',
            sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
            userAgent: headers['user-agent'] ?? '',
          },
          requestId,
          routeKey: `${trigger.method} ${trigger.path}`,
          stage: '$default',
          time: now.toISOString(),
          timeEpoch: now.getTime(),
          ...(authorizer ? { authorizer } : {}),
        },
      } as APIGatewayProxyEventV2WithJWTAuthorizer;
      const context = {
        awsRequestId: requestId,
        functionName: match.route.target.name,
        getRemainingTimeInMillis: () =>
          Math.max(0, (match.route.target.timeoutSeconds ?? 29) * 1000 - (Date.now() - started)),
        callbackWaitsForEmptyEventLoop: false,
      } as unknown as Context;

      const handler = await opts.load(match.route.target.name);
      const offset = opts.localRoutes ? requestedOffset(headers[NOW_HEADER]) : undefined;
      const result =
        offset === undefined
          ? await handler(event, context)
          : await withClockOffset(offset, () => handler(event, context));
      send(res, result, method === 'HEAD');
    } catch (e) {
      // The pool's key set unreadable is the pool down (API Gateway's authorizer would fail too): retry later.
      if (isDependencyOutage(e) || e instanceof PoolUnavailableError) {
        if (!res.headersSent)
          send(res, json(503, OUTAGE_BODY, { 'retry-after': String(OUTAGE_RETRY_AFTER_SECONDS) }), false);
        return;
      }
      // Mirrors API Gateway when the integration fails: a generic 500, details only in the server log.
      console.error('[local-adapter] handler crashed', e);
      if (!res.headersSent)
        send(res, errorResponse(500, 'internal-error', 'An internal error occurred'), false);
    }
  });
}

function safeJson(buf: Buffer): unknown {
  try {
    return JSON.parse(buf.toString('utf8'));
  } catch {
    return undefined;
  }
}
