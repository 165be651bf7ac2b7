import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * LRS client secrets: random, shown once, stored only as an scrypt hash (a slow, memory-hard KDF from node:crypto).
 * Verifying costs tens of milliseconds by design, so successful verifications are remembered in memory for the
 * life of the Lambda container, keyed by the stored hash AND a digest of the presented secret: a rotation (new hash)
 * or a different secret misses the cache, and revocation is checked on the credential item on every request.
 */
const N = 16384;
const R = 8;
const P = 1;
const KEY_LEN = 32;

function scryptAsync(secret: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, KEY_LEN, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(secret, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

const verified = new Map<string, true>();
const MAX_CACHE = 1000;

function cacheKey(stored: string, secret: string): string {
  return `${stored}|${createHash('sha256').update(secret, 'utf8').digest('base64')}`;
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const key = cacheKey(stored, secret);
  if (verified.has(key)) return true;
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(secret, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  const ok = actual.length === expected.length && timingSafeEqual(actual, expected);
  if (ok) {
    if (verified.size >= MAX_CACHE) verified.delete(verified.keys().next().value as string);
    verified.set(key, true);
  }
  return ok;
}

/** A public key (the Basic user name) and a secret (the password), URL-safe and free of ':'. */
export function newKey(): string {
  return `lrs_${randomBytes(12).toString('base64url')}`;
}

export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}
