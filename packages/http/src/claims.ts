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

/**
 * The caller, from a verified ID token's claims. Only ID tokens: an access token of the same pool passes API
 * Gateway's authorizer too (its `client_id` is the audience) but carries none of the scope attributes.
 * A token without any group is a person signing in for the first time, before their record reached the pool:
 * they have the default role, learner (people/sign-in provisions them so).
 */
export function principalFromClaims(claims: Claims | undefined): Principal | undefined {
  if (!claims) return undefined;
  const sub = claims['sub'];
  if (typeof sub !== 'string' || sub.length === 0) return undefined;
  if (claims['token_use'] !== 'id') return undefined;
  const groups = claims['cognito:groups'];
  const roles: Role[] = groups === undefined ? ['learner'] : (listClaim(groups).filter(isRole) as Role[]);
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

/** What a person's ID token says of who they are (ProConnect's claims as the pool maps them, or a native account). */
export interface TokenIdentity {
  username: string;
  provider: 'proconnect' | 'pool';
  email?: string;
  givenName?: string;
  familyName?: string;
  uid?: string;
  siret?: string;
  organizationalUnit?: string;
}

const text = (v: Claims[string]) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * Whether the pool federated this sign-in from ProConnect: its ID token lists the linked identities (`identities`,
 * a JSON array that API Gateway renders as text, in JSON or `key=value` form).
 */
function fromProConnect(claims: Claims): boolean {
  return /providerName["']?\s*[:=]\s*["']?ProConnect\b/i.test(String(claims['identities'] ?? ''));
}

const FEDERATED_FIELDS = [
  ['uid', 'custom:pc_uid'],
  ['siret', 'custom:siret'],
  ['organizationalUnit', 'custom:org_unit'],
] as const;

/**
 * ProConnect's `usual_name` arrives as `family_name`, `uid`/`siret`/`organizational_unit` as custom attributes (infra
 * user-pool). Those three are trusted only from a ProConnect sign-in: the pool must let its web client write them
 * (Cognito refuses a federated sign-in otherwise), so a native account could set its own.
 */
export function identityFromClaims(claims: Claims): TokenIdentity {
  const username = text(claims['cognito:username']) ?? String(claims['sub']);
  const federated = fromProConnect(claims);
  const out: TokenIdentity = { username, provider: federated ? 'proconnect' : 'pool' };
  const fields = [
    ['email', 'email'],
    ['givenName', 'given_name'],
    ['familyName', 'family_name'],
    ...(federated ? FEDERATED_FIELDS : []),
  ] as const;
  for (const [key, claim] of fields) {
    const v = text(claims[claim]);
    if (v) out[key] = v;
  }
  // Demo and test tokens carry one `name`: split once, so the lab's list reads "Family, Given" like the others.
  const name = text(claims['name']);
  if (name && !out.givenName && !out.familyName) {
    const [given, ...rest] = name.split(/\s+/);
    if (given) out.givenName = given;
    if (rest.length) out.familyName = rest.join(' ');
  }
  return out;
}

/**
 * The roles the token's groups name (undefined: no `cognito:groups` claim at all). An operator's other groups are not
 * roles: the pool's mirror leaves them, so they must not make the token look stale.
 */
export function groupsOf(claims: Claims): Role[] | undefined {
  return claims['cognito:groups'] === undefined
    ? undefined
    : (listClaim(claims['cognito:groups']).filter(isRole) as Role[]);
}
