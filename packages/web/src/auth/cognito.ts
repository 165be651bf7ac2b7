import type { CognitoConfig } from '../config.ts';

/**
 * Cognito hosted UI, authorization code flow with PKCE (a browser app keeps no secret). The ID token is what the
 * API's JWT authorizer and handlers read (`cognito:groups`, `custom:service`…). Everything here is kept for the tab
 * only (sessionStorage), like the ID token: closing the tab signs out.
 */
const VERIFIER_KEY = 'parcours.pkce.verifier';
const STATE_KEY = 'parcours.pkce.state';
const REFRESH_KEY = 'parcours.refresh';
/** Set when the tab's sign-in went through ProConnect: signing out then ends ProConnect's session too. */
const PROCONNECT_KEY = 'parcours.proconnect';

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** 43 characters of randomness (32 bytes): PKCE verifiers, `state` values (ProConnect wants at least 32). */
export const randomString = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

/** The hosted UI's endpoints hang from its origin (AWS's, or the local stand-in's). */
const endpoint = (cfg: CognitoConfig, path: string) => `${cfg.baseUrl.replace(/\/+$/, '')}${path}`;

export function redirectUri(cfg: CognitoConfig): string {
  return cfg.redirectUri ?? `${location.origin}/app/callback`;
}

/**
 * Sends the browser to the hosted UI. With `provider` (ProConnect's name in the pool), straight to that identity
 * provider; the tab remembers which kind of sign-in it started.
 */
export async function startHostedSignIn(cfg: CognitoConfig, provider?: string): Promise<void> {
  const verifier = randomString();
  const state = randomString();
  sessionStorage.setItem(VERIFIER_KEY, verifier);
  sessionStorage.setItem(STATE_KEY, state);
  if (provider) sessionStorage.setItem(PROCONNECT_KEY, '1');
  else sessionStorage.removeItem(PROCONNECT_KEY);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: cfg.clientId,
    redirect_uri: redirectUri(cfg),
    scope: (cfg.scopes ?? ['openid', 'email', 'profile']).join(' '),
    state,
    code_challenge: base64url(digest),
    code_challenge_method: 'S256',
    ...(provider ? { identity_provider: provider } : {}),
  });
  location.assign(`${endpoint(cfg, '/oauth2/authorize')}?${params}`);
}

interface TokenAnswer {
  id_token?: string;
  refresh_token?: string;
}

async function tokenRequest(cfg: CognitoConfig, form: Record<string, string>): Promise<TokenAnswer> {
  const res = await fetch(endpoint(cfg, '/oauth2/token'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: cfg.clientId, ...form }),
  });
  if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
  const body = (await res.json()) as TokenAnswer;
  if (!body.id_token) throw new Error('no id_token');
  if (body.refresh_token) sessionStorage.setItem(REFRESH_KEY, body.refresh_token);
  return body;
}

/** On `/app/callback?code=…&state=…`: exchanges the code for tokens (the refresh token is kept); answers the ID token. */
export async function completeHostedSignIn(cfg: CognitoConfig, search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const code = params.get('code');
  const state = params.get('state');
  const verifier = sessionStorage.getItem(VERIFIER_KEY);
  sessionStorage.removeItem(VERIFIER_KEY);
  // Refused or cancelled at the hosted UI or at ProConnect: say why rather than "invalid callback".
  const refused = params.get('error');
  if (refused) throw new Error([refused, params.get('error_description')].filter(Boolean).join(': '));
  if (!code || !verifier || state !== sessionStorage.getItem(STATE_KEY)) throw new Error('invalid callback');
  sessionStorage.removeItem(STATE_KEY);
  sessionStorage.removeItem(REFRESH_KEY);
  const body = await tokenRequest(cfg, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri(cfg),
    code_verifier: verifier,
  });
  return body.id_token as string;
}

/** Whether this tab holds a refresh token (a hosted UI sign-in; never the local demo sign-in). */
export function hasRefreshToken(): boolean {
  return sessionStorage.getItem(REFRESH_KEY) !== null;
}

/** A new ID token from the refresh token: its claims (groups, service, HR scope) read the pool as it is now. */
export async function refreshIdToken(cfg: CognitoConfig): Promise<string> {
  const refreshToken = sessionStorage.getItem(REFRESH_KEY);
  if (!refreshToken) throw new Error('no refresh token');
  const body = await tokenRequest(cfg, { grant_type: 'refresh_token', refresh_token: refreshToken });
  return body.id_token as string;
}

/** Forgets the refresh token (sign-out, failed sign-in). The ProConnect mark stays for the signed-out page. */
export function forgetHostedTokens(): void {
  sessionStorage.removeItem(REFRESH_KEY);
}

/**
 * Before a sign-in that is not the hosted UI's (the local demo sign-in): no refresh token of an earlier session
 * (another person's) may renew this one, and sign-out will not end a ProConnect session.
 */
export function forgetHostedSession(): void {
  sessionStorage.removeItem(REFRESH_KEY);
  sessionStorage.removeItem(PROCONNECT_KEY);
}

/** Whether the tab's last sign-in was ProConnect's; reading it forgets it (one sign-out per sign-in). */
export function takeProConnectSession(): boolean {
  const was = sessionStorage.getItem(PROCONNECT_KEY) !== null;
  sessionStorage.removeItem(PROCONNECT_KEY);
  return was;
}

/** The hosted UI's sign-out: ends the pool's session, then back to `/app/signed-out`. */
export function hostedSignOutUrl(cfg: CognitoConfig): string {
  const params = new URLSearchParams({
    client_id: cfg.clientId,
    logout_uri: `${location.origin}/app/signed-out`,
  });
  return `${endpoint(cfg, '/logout')}?${params}`;
}

/** ProConnect's end of session, back to `/app/` (its `state` is required, random, ≥ 32 characters). */
export function proConnectEndSessionUrl(proConnect: NonNullable<CognitoConfig['proConnect']>): string {
  const params = new URLSearchParams({
    client_id: proConnect.clientId,
    post_logout_redirect_uri: `${location.origin}/app/`,
    state: randomString(),
  });
  const url = proConnect.endSessionUrl;
  return `${url}${url.includes('?') ? '&' : '?'}${params}`;
}
