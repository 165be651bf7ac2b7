/**
 * Who signs in on the local stack, through the user pool stand-in (cognito-local): tokens are the pool's RS256 ID
 * tokens, verified against its JWKS exactly as API Gateway's JWT authorizer does (issuer, audience = the web
 * client, expiry, RS256 only) — plus `token_use: id`, which the handlers require (packages/http/src/claims.ts).
 *
 * `tokenFor` is the quick demo sign-in and the tests' door (`POST /_local/token`): it makes the person exist with the
 * roles asked — in the table (the truth, as the deploy's first administrator is made) and in the pool through the
 * same mirroring code the stream runs on AWS (functions/people/role-mirror.ts) — then signs in with the pool's
 * USER_PASSWORD_AUTH. Without `roles` it signs in as the pool says, which is what "signing in again" means.
 */
import { createHmac, createPrivateKey, type KeyObject, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { nowIso } from '@parcours/domain/clock';
import { normaliseRoles } from '@parcours/domain/people/person';
import { federatedUsername, PROCONNECT_PROVIDER } from '@parcours/domain/people/proconnect';
import { isRole } from '@parcours/domain/roles';
import { ensurePersonWithRoles, getPerson } from '@parcours/store/person-repo';
import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  type JSONWebKeySet,
  jwtVerify,
  SignJWT,
} from 'jose';
import { z } from 'zod';
import { mirrorPerson } from '../../../functions/people/role-mirror.ts';
import { type LocalPool, localPoolCall } from './cognito-local.ts';

export const tokenRequestSchema = z.strictObject({
  userId: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9_.@-]+$/),
  /** The roles to hold from now on; absent: sign in again with whatever the lab gave. */
  roles: z.array(z.string().refine(isRole, 'unknown role')).min(1).optional(),
  email: z.email().optional(),
  service: z.string().min(1).max(64).optional(),
  hrServices: z.array(z.string().min(1).max(64)).optional(),
  locale: z.enum(['fr', 'en']).optional(),
  name: z.string().max(200).optional(),
});
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

export interface PoolTokens {
  IdToken: string;
  AccessToken: string;
  RefreshToken?: string;
}

type Attribute = { Name: string; Value: string };

/** A per-machine secret kept beside the data (created on first use), or a fresh one for an in-memory stack. */
export function localSecret(file?: string): Buffer {
  if (!file) return randomBytes(32);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

/** The pool's key set could not be read: the adapter answers 503, as for any dependency down. */
export class PoolUnavailableError extends Error {
  override readonly name = 'PoolUnavailableError';
}

/** At most `n` at once: cognito-local rewrites its whole JSON file on each change and drops requests when flooded. */
function limiter(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((r) => waiting.push(r));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

/** Standard attributes a Cognito ID token carries and cognito-local's leaves out (it keeps `email` and `custom:*`). */
const STANDARD_CLAIMS = ['given_name', 'family_name', 'locale'] as const;

/** cognito-local signs with one key shipped in its package (`kid: CognitoLocal`); its JWKS publishes the public half. */
export function standInKey(): KeyObject {
  const require = createRequire(import.meta.url);
  const file = join(
    require.resolve('cognito-local/package.json'),
    '..',
    'lib',
    'keys',
    'cognitoLocal.private.json',
  );
  const { jwk } = JSON.parse(readFileSync(file, 'utf8')) as { jwk: Record<string, string> };
  return createPrivateKey({ key: jwk, format: 'jwk' });
}

export class LocalIdentity {
  private readonly poolWrites = limiter(4);
  private key: KeyObject | undefined;
  /** The pool's public keys, as API Gateway's authorizer caches them: fetched once, again only for an unknown key. */
  private keys: Promise<ReturnType<typeof createLocalJWKSet>> | undefined;
  /** Pool users this process created or updated, with the person version last mirrored. */
  private readonly known = new Map<string, { attributes: string; version: number; standard?: Attribute[] }>();

  constructor(
    readonly pool: LocalPool,
    private readonly secret: Uint8Array,
  ) {}

  private keySet(reload = false): Promise<ReturnType<typeof createLocalJWKSet>> {
    if (reload || !this.keys) {
      const loading = fetch(this.pool.jwksUrl, { signal: AbortSignal.timeout(10_000) })
        .then(async (res) => {
          if (!res.ok) throw new Error(`answered ${res.status}`);
          return createLocalJWKSet((await res.json()) as JSONWebKeySet);
        })
        .catch((e: unknown) => {
          throw new PoolUnavailableError(`The pool's key set could not be read: ${(e as Error).message}`);
        });
      // A failed load is not kept: the next request tries again.
      loading.catch(() => {
        if (this.keys === loading) this.keys = undefined;
      });
      this.keys = loading;
    }
    return this.keys;
  }

  /**
   * The verified claims, or undefined for a missing, expired, forged, foreign or malformed token. The key set is read
   * once (a slow or restarting pool does not turn valid tokens into 401s every few minutes); an unknown key id reloads
   * it once. A key set that cannot be read throws: the pool is down, which is a 503, not the caller's fault.
   */
  async verify(token: string): Promise<Record<string, unknown> | undefined> {
    // Not even a JWT: refused without asking the pool.
    try {
      decodeProtectedHeader(token);
    } catch {
      return undefined;
    }
    const check = async (reload: boolean) =>
      jwtVerify(token, await this.keySet(reload), {
        issuer: this.pool.issuer,
        audience: this.pool.clientId,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'iat', 'sub'],
      });
    try {
      let result: Awaited<ReturnType<typeof check>>;
      try {
        result = await check(false);
      } catch (e) {
        if ((e as { code?: string }).code !== 'ERR_JWKS_NO_MATCHING_KEY') throw e;
        result = await check(true);
      }
      return result.payload['token_use'] === 'id' ? (result.payload as Record<string, unknown>) : undefined;
    } catch (e) {
      if (e instanceof PoolUnavailableError) throw e;
      return undefined;
    }
  }

  /** Passwords of local pool users: derived from the per-machine secret, never stored, never shown. */
  private password(username: string): string {
    const h = createHmac('sha256', this.secret).update(username).digest('base64url').slice(0, 24);
    return `Pc-${h}-9a`;
  }

  private call<T = Record<string, unknown>>(op: string, body: Record<string, unknown>): Promise<T> {
    return localPoolCall<T>(this.pool.endpoint, op, body);
  }

  /**
   * Creates the pool user when absent (with `sub` when given: local people keep readable ids; federated ones get
   * the pool's UUID, as on AWS) and sets its attributes; the password is set once, at creation.
   */
  async ensureUser(username: string, attributes: Attribute[], sub?: string): Promise<void> {
    const key = JSON.stringify(attributes);
    if (this.known.get(username)?.attributes === key) return;
    try {
      await this.call('AdminCreateUser', {
        UserPoolId: this.pool.poolId,
        Username: username,
        MessageAction: 'SUPPRESS',
        UserAttributes: [...(sub ? [{ Name: 'sub', Value: sub }] : []), ...attributes],
      });
      await this.call('AdminSetUserPassword', {
        UserPoolId: this.pool.poolId,
        Username: username,
        Password: this.password(username),
        Permanent: true,
      });
    } catch (e) {
      if ((e as Error).name !== 'UsernameExistsException') throw e;
      if (attributes.length)
        await this.call('AdminUpdateUserAttributes', {
          UserPoolId: this.pool.poolId,
          Username: username,
          UserAttributes: attributes,
        });
    }
    this.known.set(username, {
      attributes: key,
      version: this.known.get(username)?.version ?? 0,
      standard: attributes.filter((a) => (STANDARD_CLAIMS as readonly string[]).includes(a.Name)),
    });
  }

  /**
   * The ID token as a Cognito pool would write it: cognito-local leaves the standard attributes out (names, locale)
   * and a federated user's `identities`, so they are added and the token signed again with the stand-in's own key — the one its JWKS
   * publishes, so verification is unchanged. The one place the local stack writes a pool token itself.
   */
  private async completed(tokens: PoolTokens): Promise<PoolTokens> {
    const claims = decodeJwt(tokens.IdToken);
    const username = String(claims['cognito:username'] ?? '');
    let standard = this.known.get(username)?.standard;
    if (!standard) {
      const user = await this.call<{ UserAttributes?: Attribute[] }>('AdminGetUser', {
        UserPoolId: this.pool.poolId,
        Username: username,
      });
      standard = (user.UserAttributes ?? []).filter((a) =>
        (STANDARD_CLAIMS as readonly string[]).includes(a.Name),
      );
    }
    // A federated user's token names the identity it came from, as Cognito writes it.
    const prefix = federatedUsername('');
    const identities = username.startsWith(prefix)
      ? [
          {
            userId: username.slice(prefix.length),
            providerName: PROCONNECT_PROVIDER,
            providerType: 'OIDC',
            primary: 'true',
            issuer: null,
          },
        ]
      : undefined;
    if (!standard.length && !identities) return tokens;
    this.key ??= standInKey();
    const idToken = await new SignJWT({
      ...claims,
      ...Object.fromEntries(standard.map((a) => [a.Name, a.Value])),
      ...(identities ? { identities } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' })
      .sign(this.key);
    return { ...tokens, IdToken: idToken };
  }

  /** The pool's USER_PASSWORD_AUTH for a local user. */
  async signIn(username: string): Promise<PoolTokens> {
    const r = await this.call<{ AuthenticationResult: PoolTokens }>('InitiateAuth', {
      ClientId: this.pool.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: this.password(username) },
    });
    return this.completed(r.AuthenticationResult);
  }

  async refresh(refreshToken: string): Promise<PoolTokens> {
    const r = await this.call<{ AuthenticationResult: PoolTokens }>('InitiateAuth', {
      ClientId: this.pool.clientId,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    });
    return this.completed(r.AuthenticationResult);
  }

  /** The demo sign-in and the tests' tokens (`POST /_local/token`): see the module's comment. */
  async tokenFor(req: TokenRequest): Promise<string> {
    await this.poolWrites(() => this.prepare(req));
    return (await this.signIn(req.userId)).IdToken;
  }

  private async prepare(req: TokenRequest): Promise<void> {
    const [given, ...family] = (req.name ?? '').split(/\s+/).filter(Boolean);
    const attributes: Attribute[] = [
      ...(req.email ? [{ Name: 'email', Value: req.email }] : []),
      ...(given ? [{ Name: 'given_name', Value: given }] : []),
      ...(family.length ? [{ Name: 'family_name', Value: family.join(' ') }] : []),
      { Name: 'locale', Value: req.locale ?? 'fr' },
    ];
    await this.ensureUser(req.userId, attributes, req.userId);
    if (req.roles) {
      const person = await ensurePersonWithRoles(
        {
          userId: req.userId,
          username: req.userId,
          provider: 'pool',
          // What the request leaves out stays as it was (`npm run token -- --user lea-dubois` keeps her name).
          identity: {
            ...(await getPerson(req.userId))?.identity,
            ...(req.email ? { email: req.email } : {}),
            ...(given ? { givenName: given } : {}),
            ...(family.length ? { familyName: family.join(' ') } : {}),
          },
        },
        {
          roles: normaliseRoles(req.roles),
          hrServices: req.hrServices ?? [],
          ...(req.service ? { service: req.service } : {}),
        },
        nowIso(),
      );
      // The stream mirrors every change too, but later: the token asked for now must already say these roles.
      const seen = this.known.get(req.userId);
      if (seen?.version !== person.version) {
        await mirrorPerson(req.userId, person);
        if (seen) seen.version = person.version;
      }
    }
  }
}
