import { nowDate } from '@parcours/domain/clock';
import type { ApiEvent, ApiResult } from '@parcours/http';
import { logger } from '@parcours/http';
import { isDependencyOutage, OUTAGE_BODY, OUTAGE_RETRY_AFTER_SECONDS } from '@parcours/http/outage';
import { keys } from '@parcours/store';
import { CredentialCheckFailed } from '@parcours/store/xapi-statements';
import { applyAlternateSyntax } from './alternate-syntax.ts';
import { authenticate, authenticateForWrite, forgetCredential, type LrsPrincipal } from './auth.ts';
import { recentConsistentThrough } from './consistency.ts';
import { handleDocuments } from './documents.ts';
import { LrsError } from './errors.ts';
import { type LrsRequest, requestFromEvent, XAPI_BASE_PATH } from './request.ts';
import { about, activities, agents } from './resources.ts';
import { errorResponse, jsonResponse, type LrsResponse, noContent, toResult } from './response.ts';
import { canDefine, grant, type Permission } from './scopes.ts';
import { getStatements } from './statement-read.ts';
import { postStatements, putStatement } from './statement-write.ts';
import { checkVersionHeader } from './version.ts';

/**
 * The LRS front door: one Lambda behind `ANY /xapi/{proxy+}`. It owns everything HTTP about xAPI (alternate
 * syntax, versions, Basic credentials and scopes, CORS, HEAD), then dispatches to the resources.
 */

const READ_METHODS = new Set(['GET', 'HEAD']);

function permissionFor(resource: string, method: string): Permission | undefined {
  const read = READ_METHODS.has(method);
  switch (resource) {
    case '/statements':
      return read ? 'statements/read' : 'statements/write';
    case '/activities/state':
      return read ? 'state/read' : 'state/write';
    case '/activities/profile':
    case '/agents/profile':
      return read ? 'profile/read' : 'profile/write';
    case '/activities':
      return 'activities/read';
    case '/agents':
      return 'agents/read';
    default:
      return undefined;
  }
}

const METHODS_BY_RESOURCE: Record<string, readonly string[]> = {
  '/statements': ['GET', 'HEAD', 'PUT', 'POST'],
  '/activities/state': ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'],
  '/activities/profile': ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'],
  '/agents/profile': ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'],
  '/activities': ['GET', 'HEAD'],
  '/agents': ['GET', 'HEAD'],
  '/about': ['GET', 'HEAD'],
};

async function dispatch(
  req: LrsRequest,
  principal: LrsPrincipal | undefined,
  now: Date,
): Promise<LrsResponse> {
  switch (req.resource) {
    case '/about':
      return about(req);
    case '/statements': {
      if (READ_METHODS.has(req.method)) {
        const g = grant(principal!.scopes, 'statements/read');
        return getStatements(req, {
          now,
          statementsPath: `${XAPI_BASE_PATH}/statements`,
          ...(g.mineOnly ? { mineAuthorityKey: principal!.authorityKey } : {}),
        });
      }
      const guard = principal!.guard;
      const ctx = {
        principal: principal!,
        canDefine: canDefine(principal!.scopes),
        now,
        ...(guard
          ? {
              credential: {
                key: keys.lrsClient.item(guard.key),
                secretHash: guard.secretHash,
                now: now.toISOString(),
              },
            }
          : {}),
      };
      if (req.method === 'PUT') {
        const id = req.query['statementId'];
        const others = Object.keys(req.query).filter((k) => k !== 'statementId');
        if (others.length > 0 || id === undefined) {
          throw new LrsError(
            400,
            'invalid-parameter',
            id === undefined
              ? "Parameter 'statementId' is required"
              : `Unknown parameter(s): ${others.join(', ')}`,
          );
        }
        await putStatement(req, id, ctx);
        return noContent();
      }
      if (Object.keys(req.query).length > 0) {
        throw new LrsError(
          400,
          'unknown-parameter',
          `POST statements takes no parameter: ${Object.keys(req.query).join(', ')}`,
        );
      }
      return jsonResponse(200, await postStatements(req, ctx));
    }
    case '/activities/state':
      return handleDocuments('state', req, now);
    case '/activities/profile':
      return handleDocuments('activity-profile', req, now);
    case '/agents/profile':
      return handleDocuments('agent-profile', req, now);
    case '/activities':
      return activities(req);
    case '/agents':
      return agents(req);
    default:
      throw new LrsError(404, 'resource-not-found', `No xAPI resource ${req.resource}`);
  }
}

/** Communication 2.1.3.s2.b5: the header is due on all responses to Statement resource requests. */
async function withConsistency(
  resource: string | undefined,
  res: LrsResponse,
  now: Date,
): Promise<LrsResponse> {
  if (resource !== '/statements' || res.headers?.['x-experience-api-consistent-through']) return res;
  return {
    ...res,
    headers: { ...res.headers, 'x-experience-api-consistent-through': await recentConsistentThrough(now) },
  };
}

export async function handleLrsEvent(event: ApiEvent): Promise<ApiResult> {
  // Stored timestamps and the consistency bound follow the wall clock; credential expiry is a business rule.
  const now = new Date();
  const authAt = nowDate();
  let head = false;
  try {
    const raw = requestFromEvent(event);
    // Preflight (answered by API Gateway on AWS, here locally): CORS headers only.
    if (raw.method === 'OPTIONS') return toResult(noContent(), false);
    const req = applyAlternateSyntax(raw);
    head = req.method === 'HEAD';
    const allowed = METHODS_BY_RESOURCE[req.resource];
    if (!allowed) throw new LrsError(404, 'resource-not-found', `No xAPI resource ${req.resource}`);
    if (!allowed.includes(req.method)) {
      throw new LrsError(405, 'method-not-allowed', `${req.method} is not supported on ${req.resource}`);
    }
    let principal: LrsPrincipal | undefined;
    const isWrite = req.resource === '/statements' && (req.method === 'POST' || req.method === 'PUT');
    if (req.resource !== '/about') {
      // Credentials first: an anonymous caller learns nothing, not even which versions are accepted. Statement
      // writes may use a credential verified earlier, checked inside their own transaction (auth.ts).
      principal = isWrite
        ? await authenticateForWrite(req.headers['authorization'], authAt)
        : await authenticate(req.headers['authorization'], authAt);
      checkVersionHeader(req.headers['x-experience-api-version']);
      const permission = permissionFor(req.resource, req.method)!;
      if (!grant(principal.scopes, permission).allowed) {
        throw new LrsError(
          403,
          'scope-required',
          `These credentials lack the scope for ${req.method} ${req.resource}`,
        );
      }
    }
    let res: LrsResponse;
    try {
      res = await dispatch(req, principal, now);
    } catch (e) {
      if (!(e instanceof CredentialCheckFailed) || !principal) throw e;
      // The remembered credential was revoked, rotated or expired meanwhile (nothing was written): read it again,
      // which answers 401 in those cases, and retry once with the credential as read.
      forgetCredential(principal.key);
      principal = await authenticate(req.headers['authorization'], authAt);
      res = await dispatch(req, principal, now);
    }
    return toResult(await withConsistency(req.resource, res, now), head);
  } catch (e) {
    if (e instanceof LrsError) {
      const resource = event.rawPath?.slice(XAPI_BASE_PATH.length);
      return toResult(
        await withConsistency(resource, errorResponse(e), now).catch(() => errorResponse(e)),
        head,
      );
    }
    if (isDependencyOutage(e)) {
      logger.warn('LRS dependency unavailable', { error: e instanceof Error ? e.name : String(e) });
      return toResult(
        jsonResponse(503, OUTAGE_BODY, { 'retry-after': String(OUTAGE_RETRY_AFTER_SECONDS) }),
        head,
      );
    }
    logger.error('LRS request failed', {
      error: e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : String(e),
      path: event.rawPath,
    });
    return toResult(errorResponse(new LrsError(500, 'internal-error', 'An internal error occurred')), head);
  }
}
