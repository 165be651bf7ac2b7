/**
 * The part of a Cognito user pool that cognito-local lacks: its hosted UI federating ProConnect. The same endpoints
 * as AWS's (`/oauth2/authorize`, `/oauth2/idpresponse`, `/oauth2/token`, `/logout`), so the web app runs the same
 * code against both:
 *
 *   web ─ authorize (code, PKCE S256, identity_provider=ProConnect) ─► here ─ authorize (code, PKCE, state, nonce)
 *   ─► ProConnect stand-in ─► here /oauth2/idpresponse: code exchanged, ID token verified (issuer, audience, nonce),
 *   claims mapped to pool attributes as the CDK stack maps them; the pool user `ProConnect_<sub>` created or updated
 *   in cognito-local; the pool's own tokens issued ─► web /app/callback?code ─► /oauth2/token (PKCE checked).
 *
 * Differences from AWS, kept small: the pool tokens come from cognito-local's password sign-in of that user (with a
 * password derived from a per-machine secret, never shown), and there is no hosted-UI session cookie (ProConnect's
 * own session makes a second sign-in immediate). Native accounts sign in with the quick demo sign-in locally.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  federatedUsername,
  PROCONNECT_ATTRIBUTES,
  PROCONNECT_PROVIDER,
  PROCONNECT_SCOPES,
} from '@parcours/domain/people/proconnect';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { LocalIdentity, PoolTokens } from './local-identity.ts';

export interface HostedUiOptions {
  port: number;
  identity: LocalIdentity;
  /** The web app's origins (`http://127.0.0.1:3000`, `http://localhost:3000`): their callback and signed-out pages are
   * the allowed redirects, as the app client's callback and sign-out URLs are on AWS. */
  appOrigins: readonly string[];
  proConnect: { issuer: string; clientId: string; clientSecret: string };
}

export interface HostedUi {
  baseUrl: string;
  server: Server;
  stop: () => Promise<void>;
}

const random = () => randomBytes(32).toString('base64url'); // 43 characters: ProConnect wants ≥ 32
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
const LIFETIME_MS = 5 * 60_000;

interface Pending {
  clientState: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string;
  verifier: string;
  expires: number;
}

interface IssuedCode {
  tokens: PoolTokens;
  redirectUri: string;
  codeChallenge: string;
  expires: number;
}

function redirect(res: ServerResponse, to: string): void {
  res.writeHead(302, { location: to, 'cache-control': 'no-store' }).end();
}

function oauthError(res: ServerResponse, status: number, error: string, description: string): void {
  res
    .writeHead(status, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'access-control-allow-origin': '*',
    })
    .end(JSON.stringify({ error, error_description: description }));
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const sameText = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** ProConnect's claims as the pool's attributes (the CDK stack's attribute mapping, the same table). */
function poolAttributes(claims: Record<string, unknown>) {
  return Object.entries(PROCONNECT_ATTRIBUTES)
    .filter(([claim]) => typeof claims[claim] === 'string' && claims[claim])
    .map(([claim, Name]) => ({ Name, Value: String(claims[claim]) }));
}

export async function startHostedUi(opts: HostedUiOptions): Promise<HostedUi> {
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const pc = opts.proConnect;
  const pcJwks = createRemoteJWKSet(new URL(`${pc.issuer}/jwks`));
  const callbackUri = `${baseUrl}/oauth2/idpresponse`;
  const allowedRedirects = new Set(opts.appOrigins.map((o) => `${o}/app/callback`));
  const allowedLogouts = new Set(opts.appOrigins.map((o) => `${o}/app/signed-out`));
  const pending = new Map<string, Pending>();
  const codes = new Map<string, IssuedCode>();
  const sweep = () => {
    const now = Date.now();
    for (const [k, v] of pending) if (v.expires < now) pending.delete(k);
    for (const [k, v] of codes) if (v.expires < now) codes.delete(k);
  };

  const authorize = (res: ServerResponse, q: URLSearchParams) => {
    const redirectUri = q.get('redirect_uri') ?? '';
    if (q.get('client_id') !== opts.identity.pool.clientId || !allowedRedirects.has(redirectUri))
      return oauthError(res, 400, 'invalid_request', 'unknown client or redirect_uri');
    const back = (error: string) =>
      redirect(res, `${redirectUri}?${new URLSearchParams({ error, state: q.get('state') ?? '' })}`);
    if (q.get('response_type') !== 'code') return back('unsupported_response_type');
    if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) return back('invalid_request');
    if (q.get('identity_provider') !== PROCONNECT_PROVIDER) return back('unsupported_identity_provider');
    sweep();
    const state = random();
    const item: Pending = {
      clientState: q.get('state') ?? '',
      redirectUri,
      codeChallenge: q.get('code_challenge')!,
      nonce: random(),
      verifier: random(),
      expires: Date.now() + LIFETIME_MS,
    };
    pending.set(state, item);
    const upstream = new URLSearchParams({
      response_type: 'code',
      client_id: pc.clientId,
      redirect_uri: callbackUri,
      scope: PROCONNECT_SCOPES.join(' '),
      state,
      nonce: item.nonce,
      code_challenge: s256(item.verifier),
      code_challenge_method: 'S256',
    });
    return redirect(res, `${pc.issuer}/auth?${upstream}`);
  };

  const idpResponse = async (res: ServerResponse, q: URLSearchParams) => {
    const state = q.get('state') ?? '';
    const item = pending.get(state);
    pending.delete(state);
    if (!item || item.expires < Date.now())
      return oauthError(res, 400, 'invalid_request', 'unknown or expired state');
    const back = (params: Record<string, string>) =>
      redirect(res, `${item.redirectUri}?${new URLSearchParams({ ...params, state: item.clientState })}`);
    const code = q.get('code');
    if (!code) return back({ error: 'access_denied' });
    const tokenRes = await fetch(`${pc.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: callbackUri,
        client_id: pc.clientId,
        client_secret: pc.clientSecret,
        code_verifier: item.verifier,
      }),
    });
    if (!tokenRes.ok) return back({ error: 'server_error' });
    const { id_token } = (await tokenRes.json()) as { id_token?: string };
    const verified = id_token
      ? await jwtVerify(id_token, pcJwks, {
          issuer: pc.issuer,
          audience: pc.clientId,
          algorithms: ['RS256'],
        }).catch(() => undefined)
      : undefined;
    if (!verified || verified.payload['nonce'] !== item.nonce) return back({ error: 'invalid_token' });
    const username = federatedUsername(String(verified.payload.sub));
    await opts.identity.ensureUser(username, poolAttributes(verified.payload));
    const tokens = await opts.identity.signIn(username);
    const issued = random();
    codes.set(issued, {
      tokens,
      redirectUri: item.redirectUri,
      codeChallenge: item.codeChallenge,
      expires: Date.now() + LIFETIME_MS,
    });
    return back({ code: issued });
  };

  const token = async (res: ServerResponse, form: URLSearchParams) => {
    if (form.get('client_id') !== opts.identity.pool.clientId)
      return oauthError(res, 401, 'invalid_client', 'unknown client');
    const reply = (t: PoolTokens) =>
      res
        .writeHead(200, {
          'content-type': 'application/json',
          'cache-control': 'no-store',
          'access-control-allow-origin': '*',
        })
        .end(
          JSON.stringify({
            id_token: t.IdToken,
            access_token: t.AccessToken,
            ...(t.RefreshToken ? { refresh_token: t.RefreshToken } : {}),
            token_type: 'Bearer',
            expires_in: 3600,
          }),
        );
    if (form.get('grant_type') === 'refresh_token') {
      const refreshed = await opts.identity.refresh(form.get('refresh_token') ?? '').catch(() => undefined);
      return refreshed ? reply(refreshed) : oauthError(res, 400, 'invalid_grant', 'refresh token refused');
    }
    if (form.get('grant_type') !== 'authorization_code')
      return oauthError(res, 400, 'unsupported_grant_type', 'authorization_code or refresh_token');
    const code = form.get('code') ?? '';
    const issued = codes.get(code);
    codes.delete(code); // one use, whatever happens next
    if (!issued || issued.expires < Date.now() || issued.redirectUri !== form.get('redirect_uri'))
      return oauthError(res, 400, 'invalid_grant', 'unknown, used or expired code');
    if (!sameText(s256(form.get('code_verifier') ?? ''), issued.codeChallenge))
      return oauthError(res, 400, 'invalid_grant', 'PKCE verification failed');
    return reply(issued.tokens);
  };

  const logout = (res: ServerResponse, q: URLSearchParams) => {
    const to = q.get('logout_uri') ?? '';
    if (q.get('client_id') !== opts.identity.pool.clientId || !allowedLogouts.has(to))
      return oauthError(res, 400, 'invalid_request', 'unknown client or logout_uri');
    return redirect(res, to);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', baseUrl);
    const method = (req.method ?? 'GET').toUpperCase();
    const run = async () => {
      if (method === 'OPTIONS')
        return res
          .writeHead(204, {
            'access-control-allow-origin': '*',
            'access-control-allow-methods': 'POST',
            'access-control-allow-headers': 'content-type',
          })
          .end();
      if (method === 'GET' && url.pathname === '/oauth2/authorize') return authorize(res, url.searchParams);
      if (method === 'GET' && url.pathname === '/oauth2/idpresponse')
        return idpResponse(res, url.searchParams);
      if (method === 'POST' && url.pathname === '/oauth2/token') return token(res, await readForm(req));
      if (method === 'GET' && url.pathname === '/logout') return logout(res, url.searchParams);
      return oauthError(res, 404, 'not_found', `${method} ${url.pathname}`);
    };
    run().catch((e: unknown) => {
      console.error('[hosted-ui]', (e as Error).message);
      if (!res.headersSent) oauthError(res, 500, 'server_error', 'the local hosted UI failed');
    });
  });
  await new Promise<void>((r) => server.listen(opts.port, '127.0.0.1', r));
  return { baseUrl, server, stop: () => new Promise<void>((r) => server.close(() => r())) };
}
