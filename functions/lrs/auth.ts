import { createHash } from 'node:crypto';
import { getLrsClient } from '@parcours/store/lrs-client-repo';
import type { Agent } from '@parcours/xapi';
import { agentKey } from '@parcours/xapi';
import { credentialAuthority } from '../shared/statement-authority.ts';
import { LrsError } from './errors.ts';
import { verifySecret } from './secrets.ts';

/** The authenticated LRS client of a request. */
export interface LrsPrincipal {
  key: string;
  name: string;
  scopes: string[];
  authority: Agent;
  authorityKey: string;
  /**
   * Set when the credential was taken from this container's memory instead of being read: the write that follows
   * checks it in its own transaction, so revocation still applies at once (see `authenticateForWrite`).
   */
  guard?: { key: string; secretHash: string };
}

interface Remembered {
  principal: LrsPrincipal;
  secretHash: string;
  secretDigest: string;
  validUntil?: string;
}

/** Credentials this container verified, by key (bounded). Only the write path uses them, always guarded. */
const remembered = new Map<string, Remembered>();
const MAX_REMEMBERED = 1000;

const digest = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('base64');

export function forgetCredential(key: string): void {
  remembered.delete(key);
}

const unauthorized = (message: string) => new LrsError(401, 'unauthenticated', message);

/** Decodes `Authorization: Basic <base64(key:secret)>` (RFC 7617). */
export function parseBasic(header: string | undefined): { key: string; secret: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header ?? '');
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { key: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/**
 * Authenticates the request with HTTP Basic LRS credentials (Communication 4.0). The credential item is read on every
 * request (strongly consistent), so revocation, expiry and rotation apply from the next request on.
 */
export async function authenticate(authorization: string | undefined, now: Date): Promise<LrsPrincipal> {
  const basic = parseBasic(authorization);
  if (!basic?.key || !basic.secret) {
    throw unauthorized('HTTP Basic authentication with LRS client credentials is required');
  }
  const client = await getLrsClient(basic.key);
  if (!client || !(await verifySecret(basic.secret, client.secretHash))) {
    throw unauthorized('Unknown LRS client key or wrong secret');
  }
  if (client.revokedAt) throw unauthorized('These LRS credentials were revoked');
  if (client.validUntil && client.validUntil <= now.toISOString())
    throw unauthorized('These LRS credentials expired');
  const authority = credentialAuthority(client.key, client.name);
  const principal: LrsPrincipal = {
    key: client.key,
    name: client.name,
    scopes: client.scopes,
    authority,
    authorityKey: agentKey(authority),
  };
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value as string);
  remembered.set(client.key, {
    principal,
    secretHash: client.secretHash,
    secretDigest: digest(basic.secret),
    ...(client.validUntil ? { validUntil: client.validUntil } : {}),
  });
  return principal;
}

/**
 * For Statement writes: a credential this container verified before is used without reading its item, with a guard
 * the write checks in its own transaction (ConditionCheck: same secret hash, not revoked, not expired). That saves a
 * round trip on the ingest path and keeps "revocation takes effect on the next request": a revoked or rotated
 * credential fails the write's condition, and the request is then authenticated from the table (401).
 */
export async function authenticateForWrite(
  authorization: string | undefined,
  now: Date,
): Promise<LrsPrincipal> {
  const basic = parseBasic(authorization);
  const known = basic ? remembered.get(basic.key) : undefined;
  if (
    basic &&
    known &&
    known.secretDigest === digest(basic.secret) &&
    (known.validUntil === undefined || known.validUntil > now.toISOString())
  ) {
    return { ...known.principal, guard: { key: basic.key, secretHash: known.secretHash } };
  }
  return authenticate(authorization, now);
}
