import { createHash, randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { apiUrl } from './client.ts';

export const pool = () => inject('pool');

/** One admin call to the user pool stand-in (cognito-local), for assertions on what was mirrored there. */
export async function poolCall<T = Record<string, unknown>>(
  op: string,
  body: Record<string, unknown>,
): Promise<T> {
  const res = await fetch(pool().endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${op}`,
    },
    body: JSON.stringify({ UserPoolId: pool().poolId, ...body }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${op}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

export async function groupsOf(username: string): Promise<string[]> {
  const r = await poolCall<{ Groups: { GroupName: string }[] }>('AdminListGroupsForUser', {
    Username: username,
  });
  return r.Groups.map((g) => g.GroupName).sort();
}

export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

/** A browser's cookie jar, one origin at a time (the ProConnect stand-in keeps its interaction in cookies). */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export interface FederatedSignIn {
  /** Where the hosted UI sent the browser back: `/app/callback?code&state` (or `?error`). */
  callback: URL;
  verifier: string;
  state: string;
  redirectUri: string;
}

/**
 * A browser signing in through the hosted UI and ProConnect's stand-in as `agentSub`: authorize (PKCE S256) →
 * ProConnect's sign-in page → the agent chosen → back through the hosted UI to the app's callback.
 */
export async function federatedSignIn(agentSub: string): Promise<FederatedSignIn> {
  const jar = new Jar();
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(32).toString('base64url');
  const redirectUri = `${apiUrl()}/app/callback`;
  const authorize = new URL('/oauth2/authorize', pool().hostedUiUrl);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: pool().clientId,
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    identity_provider: 'ProConnect',
  }).toString();
  let url = authorize.toString();
  for (let hop = 0; hop < 12; hop += 1) {
    if (url.startsWith(redirectUri)) return { callback: new URL(url), verifier, state, redirectUri };
    const onProConnect = url.startsWith(pool().proConnectIssuer);
    const res = await fetch(url, {
      redirect: 'manual',
      headers: onProConnect ? { cookie: jar.header() } : {},
    });
    if (onProConnect) jar.take(res);
    if (res.status === 200 && onProConnect && /\/interaction\/[^/]+$/.test(new URL(url).pathname)) {
      // ProConnect's sign-in page: the agent's form posts to `<page>/login`.
      await res.text();
      const post = await fetch(`${url}/login`, {
        method: 'POST',
        redirect: 'manual',
        body: new URLSearchParams({ account: agentSub }),
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      });
      jar.take(post);
      url = new URL(post.headers.get('location') ?? '', url).toString();
      continue;
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`sign-in stopped at ${url}: ${res.status} ${await res.text()}`);
    url = new URL(location, url).toString();
  }
  throw new Error('too many redirects');
}

export async function tokenRequest(params: Record<string, string>) {
  const res = await fetch(new URL('/oauth2/token', pool().hostedUiUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: pool().clientId, ...params }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

/** The whole sign-in: the callback's code exchanged with the verifier; the pool's tokens. */
export async function signInWithProConnect(agentSub: string) {
  const s = await federatedSignIn(agentSub);
  const code = s.callback.searchParams.get('code');
  if (!code) throw new Error(`no code: ${s.callback}`);
  const t = await tokenRequest({
    grant_type: 'authorization_code',
    code,
    redirect_uri: s.redirectUri,
    code_verifier: s.verifier,
  });
  if (t.status !== 200) throw new Error(`token: ${t.status} ${JSON.stringify(t.body)}`);
  return {
    idToken: t.body['id_token']!,
    refreshToken: t.body['refresh_token']!,
    state: s.state,
    callback: s.callback,
  };
}
