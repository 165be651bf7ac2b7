import { isRole, type Locale, type Principal, type Role } from '@parcours/domain/roles';

/**
 * Claims arrive from API Gateway's JWT authorizer as a flat string map: array claims such as `cognito:groups` are
 * rendered as "[a b]". The local adapter reproduces that rendering, so this one parser serves both.
 */
export type Claims = Record<string, string | number | boolean | string[] | undefined>;

function listClaim(value: Claims[string]): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map(String);
  const s = String(value).trim();
  const inner = s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : s;
  return inner
    .split(/[\s,]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

export function principalFromClaims(claims: Claims | undefined): Principal | undefined {
  if (!claims) return undefined;
  const sub = claims['sub'];
  if (typeof sub !== 'string' || sub.length === 0) return undefined;
  const roles = listClaim(claims['cognito:groups']).filter(isRole) as Role[];
  const locale: Locale = String(claims['locale'] ?? 'fr').startsWith('en') ? 'en' : 'fr';
  const email = claims['email'];
  const service = claims['custom:service'];
  const hrServices = listClaim(claims['custom:hr_services']);
  return {
    userId: sub,
    roles,
    locale,
    ...(typeof email === 'string' && email ? { email } : {}),
    ...(typeof service === 'string' && service ? { service } : {}),
    ...(hrServices.length ? { hrServices } : {}),
  };
}
