import {
  PROCONNECT_ATTRIBUTES,
  PROCONNECT_PROVIDER,
  PROCONNECT_SCOPES,
} from '@parcours/domain/people/proconnect';
import { SecretValue } from 'aws-cdk-lib';
import {
  type IUserPool,
  OidcAttributeRequestMethod,
  ProviderAttribute,
  UserPoolIdentityProviderOidc,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import type { ProConnectSettings } from '../deploy-settings.ts';

/** The provider's name in the pool: `identity_provider=ProConnect` on the authorize request (packages/web). */
export const PROCONNECT_PROVIDER_NAME = PROCONNECT_PROVIDER;

/**
 * ProConnect as an OIDC identity provider of the user pool. Cognito runs the code flow with ProConnect (state,
 * nonce, client secret at the token endpoint) and reads the claims from its userinfo endpoint; the web app only ever
 * sees the pool's own tokens.
 */
export function proConnectIdentityProvider(
  scope: Construct,
  id: string,
  userPool: IUserPool,
  settings: ProConnectSettings,
): UserPoolIdentityProviderOidc {
  return new UserPoolIdentityProviderOidc(scope, id, {
    userPool,
    name: PROCONNECT_PROVIDER_NAME,
    issuerUrl: settings.issuer,
    clientId: settings.clientId,
    // A dynamic reference resolved by CloudFormation at deploy time: the value is in no file and no template.
    clientSecret: SecretValue.secretsManager(settings.secretId).unsafeUnwrap(),
    scopes: [...PROCONNECT_SCOPES],
    attributeRequestMethod: OidcAttributeRequestMethod.GET,
    // `custom` keys reach CloudFormation as written: one table for standard and custom attributes alike.
    attributeMapping: {
      custom: Object.fromEntries(
        Object.entries(PROCONNECT_ATTRIBUTES).map(([claim, attribute]) => [
          attribute,
          ProviderAttribute.other(claim),
        ]),
      ),
    },
  });
}
