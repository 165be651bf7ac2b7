/**
 * Session ids: `s-` + 26 characters of lowercase Crockford base32, laid out like a ULID (48 bits of milliseconds,
 * then 80 random bits). URL-safe, case-stable (lowercase only), time-ordered for humans reading logs, and never
 * derived from mutable attributes (start, room...), since they end up in primary keys.
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export const SESSION_ID_PATTERN = /^s-[0-9abcdefghjkmnpqrstvwxyz]{26}$/;

export function isSessionId(value: string): boolean {
  return SESSION_ID_PATTERN.test(value);
}

/** Pure: the caller supplies the clock and at least 10 random bytes (crypto-grade in production). */
export function newSessionId(nowMs: number, random: Uint8Array): string {
  if (!Number.isInteger(nowMs) || nowMs < 0 || nowMs >= 2 ** 48)
    throw new Error(`invalid timestamp ${nowMs}`);
  if (random.length < 10) throw new Error('newSessionId needs 10 random bytes');
  let time = '';
  let t = nowMs;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32]! + time;
    t = Math.floor(t / 32);
  }
  // 80 random bits → 16 characters of 5 bits, most significant first.
  let bits = 0n;
  for (let i = 0; i < 10; i++) bits = (bits << 8n) | BigInt(random[i]!);
  let rand = '';
  for (let i = 0; i < 16; i++) {
    rand = ALPHABET[Number(bits & 31n)]! + rand;
    bits >>= 5n;
  }
  return `s-${time}${rand}`;
}
