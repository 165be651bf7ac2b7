/**
 * Signing in as on AWS: ProConnect (its local stand-in, a real OpenID provider) federated by the hosted UI into the
 * user pool (cognito-local), the pool's RS256 tokens checked by the adapter as API Gateway's JWT authorizer checks
 * them, and the person provisioned at first sign-in (service from the catalogue's SIRET mapping, learner).
 */
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { standInKey } from '../../packages/local/src/local-identity.ts';
import { PROCONNECT_AGENTS } from '../../packages/local/src/proconnect-stand-in.ts';
import { apiUrl, call, tokenFor, uniqueId } from './support/client.ts';
import { lab } from './support/fixtures.ts';
import { eventually } from './support/local.ts';
import {
  claimsOf,
  federatedSignIn,
  groupsOf,
  pool,
  signInWithProConnect,
  tokenRequest,
} from './support/pool.ts';

const agent = (given: string) => PROCONNECT_AGENTS.find((a) => a.given_name === given)!;

interface SignInBody {
  person: {
    userId: string;
    roles: string[];
    service?: string;
    serviceStatus: string;
    provider: string;
    version: number;
  };
  refreshToken: boolean;
}

describe('ProConnect through the hosted UI: first sign-in', () => {
  it('an agent signs in for the first time: learner, in the service their SIRET names; the token catches up', async () => {
    const ines = agent('Inès');
    const first = await signInWithProConnect(ines.sub);
    const claims = claimsOf(first.idToken);
    expect(claims['token_use']).toBe('id');
    expect(claims['cognito:username']).toBe(`ProConnect_${ines.sub}`);
    expect(claims['family_name'], JSON.stringify(claims)).toBe('Garnier');
    expect(claims['custom:siret']).toBe(ines.siret);
    expect(claims['cognito:groups']).toBeUndefined(); // nobody put them in a group yet

    const signIn = await call<SignInBody>('POST', '/me/sign-in', { token: first.idToken });
    expect(signIn.status).toBe(200);
    expect(signIn.body.person).toMatchObject({
      roles: ['learner'],
      service: 'drfip',
      provider: 'proconnect',
    });
    expect(signIn.body.refreshToken).toBe(true);
    // The default role works at once: a learner route answers before the token caught up.
    expect((await call('GET', '/me/enrolments', { token: first.idToken })).status).toBe(200);

    // The stream mirrors the person into the pool; the refreshed token then says learner, drfip.
    const username = `ProConnect_${ines.sub}`;
    await eventually(
      () => groupsOf(username),
      (g) => g.includes('learner'),
    );
    const refreshed = await tokenRequest({ grant_type: 'refresh_token', refresh_token: first.refreshToken });
    expect(refreshed.status).toBe(200);
    const next = claimsOf(refreshed.body['id_token']!);
    expect(next['cognito:groups']).toEqual(['learner']);
    expect(next['custom:service']).toBe('drfip');
    const again = await call<SignInBody>('POST', '/me/sign-in', { token: refreshed.body['id_token']! });
    expect(again.body.refreshToken).toBe(false);
    expect(again.body.person.userId).toBe(signIn.body.person.userId);
    // Nothing changed: a sign-in writes nothing (a lab form loaded meanwhile stays current).
    expect(again.body.person.version).toBe(signIn.body.person.version);
  });

  it('an establishment with several services: the organisational unit decides (SGAR within the prefecture)', async () => {
    const { idToken } = await signInWithProConnect(agent('Sarah').sub);
    const r = await call<SignInBody>('POST', '/me/sign-in', { token: idToken });
    expect(r.body.person.service).toBe('sgar');
  });

  it('a SIRET nobody mapped: the person is "to be assigned", the lab sees them and assigns a service', async () => {
    const { idToken } = await signInWithProConnect(agent('Paul').sub);
    const r = await call<SignInBody>('POST', '/me/sign-in', { token: idToken });
    expect(r.body.person.serviceStatus).toBe('to-be-assigned');
    const labToken = await lab();
    const list = await call<{ items: { userId: string; version: number }[] }>(
      'GET',
      '/people?unassigned=true',
      {
        token: labToken,
      },
    );
    const paul = list.body.items.find((p) => p.userId === r.body.person.userId);
    expect(paul).toBeDefined();
    const assigned = await call<{ service: string; serviceSource: string }>(
      'PUT',
      `/people/${paul!.userId}/service`,
      { token: labToken, body: { service: 'ddi', version: paul!.version } },
    );
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ service: 'ddi', serviceSource: 'lab' });
    // The lab's choice wins over the mapping at the next sign-in.
    const again = await call<SignInBody>('POST', '/me/sign-in', { token: idToken });
    expect(again.body.person.service).toBe('ddi');
  });
});

describe('the hosted UI keeps the OAuth rules', () => {
  it('PKCE: a wrong verifier is refused, and a code works once', async () => {
    const s = await federatedSignIn(agent('Hugo').sub);
    const code = s.callback.searchParams.get('code')!;
    expect(s.callback.searchParams.get('state')).toBe(s.state);
    const wrong = await tokenRequest({
      grant_type: 'authorization_code',
      code,
      redirect_uri: s.redirectUri,
      code_verifier: 'x'.repeat(43),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body['error']).toBe('invalid_grant');
    // The failed attempt burnt the code: it never works after.
    const replay = await tokenRequest({
      grant_type: 'authorization_code',
      code,
      redirect_uri: s.redirectUri,
      code_verifier: s.verifier,
    });
    expect(replay.status).toBe(400);
  });

  it('an unknown redirect or client, or no PKCE, never gets a code', async () => {
    const base = {
      response_type: 'code',
      client_id: pool().clientId,
      redirect_uri: 'https://evil.example/callback',
      state: 's'.repeat(40),
      code_challenge: createHash('sha256').update('v').digest('base64url'),
      code_challenge_method: 'S256',
      identity_provider: 'ProConnect',
    };
    const ask = (p: Record<string, string>) =>
      fetch(`${pool().hostedUiUrl}/oauth2/authorize?${new URLSearchParams(p)}`, { redirect: 'manual' });
    expect((await ask(base)).status).toBe(400);
    const redirectUri = `${apiUrl()}/app/callback`;
    expect((await ask({ ...base, redirect_uri: redirectUri, client_id: 'nope' })).status).toBe(400);
    const { code_challenge: _c, ...noPkce } = base;
    const back = await ask({ ...noPkce, redirect_uri: redirectUri });
    expect(back.status).toBe(302);
    const to = new URL(back.headers.get('location')!);
    expect(to.searchParams.get('error')).toBe('invalid_request');
    expect(to.searchParams.get('code')).toBeNull();
  });
});

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('tokens the API refuses (401), as API Gateway’s JWT authorizer would', () => {
  const claims = (over: Record<string, unknown> = {}) => ({
    sub: 'attacker',
    token_use: 'id',
    'cognito:groups': ['lab'],
    aud: pool().clientId,
    iss: pool().issuer,
    iat: Math.floor(Date.now() / 1000) - 10,
    exp: Math.floor(Date.now() / 1000) + 600,
    ...over,
  });
  const sign = (payload: Record<string, unknown>, key = standInKey()) =>
    new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' }).sign(key);
  // A lab read the route table does not re-check against the stored roles: the token alone decides.
  const status = async (token: string) => (await call('GET', '/trainers', { token })).status;

  it('the pool’s own key signs a valid one (the control: the others fail for their flaw alone)', async () => {
    // A token the pool could have issued passes (it names someone with no stored role: reads follow the token).
    expect(await status(await sign(claims()))).toBe(200);
  });

  it('expired, wrong audience, wrong issuer, access token: 401', async () => {
    expect(await status(await sign(claims({ exp: Math.floor(Date.now() / 1000) - 60 })))).toBe(401);
    expect(await status(await sign(claims({ aud: 'another-client' })))).toBe(401);
    expect(await status(await sign(claims({ iss: 'http://127.0.0.1:1/local_other' })))).toBe(401);
    expect(await status(await sign(claims({ token_use: 'access' })))).toBe(401);
  });

  it('forged with another key, `alg: none`, HS256 keyed with the public key: 401', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(await status(await sign(claims(), privateKey))).toBe(401);
    expect(await status(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`)).toBe(401);
    const jwks = (await (await fetch(`${pool().issuer}/.well-known/jwks.json`)).json()) as {
      keys: import('node:crypto').JsonWebKey[];
    };
    // The published key as its PEM text, the secret a confused verifier would use for HMAC.
    const publicPem = Buffer.from(
      createPublicKey({ key: jwks.keys[0]!, format: 'jwk' }).export({ type: 'spki', format: 'pem' }),
    );
    const hs = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256', kid: 'CognitoLocal' })
      .sign(publicPem);
    expect(await status(hs)).toBe(401);
    expect(await status('not.a.token')).toBe(401);
  });

  it('a learner calling the lab’s people routes: 403', async () => {
    const learner = await tokenFor({ userId: uniqueId('l'), roles: ['learner'] });
    expect((await call('GET', '/people', { token: learner })).status).toBe(403);
  });
});
