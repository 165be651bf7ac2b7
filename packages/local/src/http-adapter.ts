import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { errorResponse } from '@parcours/http/responses';
import type { FunctionDef } from '@parcours/http/route-types';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type { LocalTokens } from './local-tokens.ts';
import { tokenRequestSchema } from './local-tokens.ts';
import { type CompiledRoute, compileRoute, matchRoute } from './route-matcher.ts';

export type HttpHandler = (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;
export type HandlerLoader = (name: string) => Promise<HttpHandler>;

/** API Gateway's payload limit for HTTP APIs (10 MB); beyond it AWS answers 413 before any Lambda runs. */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

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

/** Renders claims as API Gateway's JWT authorizer does: every value a string, arrays as "[a b]". */
function renderClaims(claims: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(claims)) {
    out[k] = Array.isArray(v) ? `[${v.join(' ')}]` : String(v);
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_REQUEST_BYTES) {
        reject(Object.assign(new Error('too large'), { tooLarge: true }));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

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
  tokens: LocalTokens;
  /** Extra local-only routes (never deployed): e.g. `POST /_local/token`. */
  localRoutes?: boolean;
}

/**
 * The local stand-in for API Gateway HTTP API + its JWT authorizer: turns requests into payload v2 events for the
 * same handlers Lambda runs, from the same route table.
 */
export function createHttpAdapter(opts: AdapterOptions): Server {
  const routes: CompiledRoute<FunctionDef>[] = opts.functions
    .filter((f) => f.http)
    .map((f) => compileRoute(f.http!, f));

  return createServer(async (req, res) => {
    const started = Date.now();
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = (req.method ?? 'GET').toUpperCase();
      let body: Buffer;
      try {
        body = await readBody(req);
      } catch {
        return send(res, errorResponse(413, 'payload-too-large', 'Request body exceeds 10 MB'), false);
      }

      if (opts.localRoutes && method === 'POST' && url.pathname === '/_local/token') {
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
            body: JSON.stringify({ token: await opts.tokens.sign(parsed.data) }),
          },
          false,
        );
      }

      // API Gateway answers HEAD for GET routes; the LRS relies on it (xAPI Communication §1.1).
      const lookupMethod = method === 'HEAD' ? 'GET' : method;
      const match = matchRoute(routes, lookupMethod, url.pathname);
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
      const result = await handler(event, context);
      send(res, result, method === 'HEAD');
    } catch (e) {
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
