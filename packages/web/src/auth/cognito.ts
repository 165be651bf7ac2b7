import type { CognitoConfig } from '../config.ts';

/**
 * Cognito hosted UI, authorization code flow with PKCE (a browser app keeps no secret). The ID token is what the
 * API's JWT authorizer and handlers read (`cognito:groups`, `custom:service`…).
 */
const VERIFIER_KEY = 'parcours.pkce.verifier';
const STATE_KEY = 'parcours.pkce.state';

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const randomString = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

export function redirectUri(cfg: CognitoConfig): string {
  return cfg.redirectUri ?? `${location.origin}/app/callback`;
}

export async function startHostedSignIn(cfg: CognitoConfig): Promise<void> {
  const verifier = randomString();
  const state = randomString();
  sessionStorage.setItem(VERIFIER_KEY, verifier);
  sessionStorage.setItem(STATE_KEY, state);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: cfg.clientId,
    redirect_uri: redirectUri(cfg),
    scope: (cfg.scopes ?? ['openid', 'email', 'profile']).join(' '),
    state,
    code_challenge: base64url(digest),
    code_challenge_method: 'S256',
  });
  location.assign(`https://${cfg.domain}/oauth2/authorize?${params}`);
}

/** On `/app/callback?code=…&state=…`: exchanges the code for tokens; answers the ID token. */
export async function completeHostedSignIn(cfg: CognitoConfig, search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const code = params.get('code');
  const state = params.get('state');
  const verifier = sessionStorage.getItem(VERIFIER_KEY);
  sessionStorage.removeItem(VERIFIER_KEY);
  if (!code || !verifier || state !== sessionStorage.getItem(STATE_KEY)) throw new Error('invalid callback');
  sessionStorage.removeItem(STATE_KEY);
  const res = await fetch(`https://${cfg.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: cfg.clientId,
      code,
      redirect_uri: redirectUri(cfg),
      code_verifier: verifier,
    }),
  });
  if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
  const body = (await res.json()) as { id_token?: string };
  if (!body.id_token) throw new Error('no id_token');
  return body.id_token;
}

export function hostedSignOutUrl(cfg: CognitoConfig): string {
  const params = new URLSearchParams({ client_id: cfg.clientId, logout_uri: `${location.origin}/app/` });
  return `https://${cfg.domain}/logout?${params}`;
}
