import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed links in e-mails (one-click unsubscribe): `<payload>.<signature>`, both base64url, the signature an
 * HMAC-SHA256 of the payload under `LINK_SIGNING_SECRET`. The payload names the user and the purpose, so a token
 * for one purpose is useless for another. No expiry: an unsubscribe link must keep working in an old e-mail; it can
 * only ever turn optional e-mails off, which the user can undo from their preferences.
 */

export type LinkPurpose = 'unsubscribe';

interface LinkPayload {
  v: 1;
  u: string;
  p: LinkPurpose;
}

function sign(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

export function signLinkToken(userId: string, purpose: LinkPurpose, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ v: 1, u: userId, p: purpose } satisfies LinkPayload)).toString(
    'base64url',
  );
  return `${payload}.${sign(payload, secret).toString('base64url')}`;
}

/** The user id of a valid token for `purpose`, or undefined (bad format, wrong signature, other purpose). */
export function verifyLinkToken(token: string, purpose: LinkPurpose, secret: string): string | undefined {
  const m = /^([A-Za-z0-9_-]{1,512})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return undefined;
  const [, payload, sig] = m as unknown as [string, string, string];
  const expected = sign(payload, secret);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const p = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<LinkPayload>;
    if (p.v !== 1 || p.p !== purpose || typeof p.u !== 'string' || !p.u) return undefined;
    return p.u;
  } catch {
    return undefined;
  }
}
