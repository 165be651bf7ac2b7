/**
 * ProConnect as the user pool federates it: one definition for the CDK stack (infra/constructs/proconnect-idp.ts)
 * and the local stand-ins (packages/local: the OpenID provider and the hosted UI), so they cannot drift apart.
 */

/** The provider's name in the pool: `identity_provider=ProConnect` on the authorize request (packages/web). */
export const PROCONNECT_PROVIDER = 'ProConnect';

/**
 * What the pool asks ProConnect for: identity (given_name, usual_name — ProConnect's family name), e-mail, and the
 * organisation claims the people context maps to a service (uid, siret, organizational_unit).
 */
export const PROCONNECT_SCOPES = [
  'openid',
  'email',
  'given_name',
  'usual_name',
  'uid',
  'siret',
  'organizational_unit',
] as const;

/** ProConnect claim → pool attribute. Re-applied at every sign-in: an agent who changes service is followed. */
export const PROCONNECT_ATTRIBUTES = {
  email: 'email',
  given_name: 'given_name',
  usual_name: 'family_name',
  uid: 'custom:pc_uid',
  siret: 'custom:siret',
  organizational_unit: 'custom:org_unit',
} as const;

/** The pool's user name for a federated agent: `<provider>_<their id at the provider>`, as Cognito names them. */
export const federatedUsername = (sub: string) => `${PROCONNECT_PROVIDER}_${sub}`;
