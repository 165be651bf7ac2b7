import { ROLES } from '@parcours/domain/roles';
import { Aws, Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  type UserPoolGroup,
  type UserPoolIdentityProviderOidc,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { ProConnectSettings } from '../deploy-settings.ts';
import { PROCONNECT_PROVIDER_NAME, proConnectIdentityProvider } from './proconnect-idp.ts';

export interface ParcoursUserPoolProps {
  /** Hosted-UI domain prefix (deploy setting `authDomainPrefix`); by default one unique to the stack. */
  readonly domainPrefix?: string;
  /** Federate ProConnect (State agents); without it, native accounts only. */
  readonly proConnect?: ProConnectSettings;
}

/** Where the web app sends people back after sign-in and sign-out (packages/web/src/auth). */
export const WEB_CALLBACK_PATH = '/app/callback';
export const WEB_SIGNED_OUT_PATH = '/app/signed-out';

/** Attributes ProConnect fills in at each sign-in (proconnect-idp.ts); read by the people context from the token. */
const IDENTITY_ATTRIBUTES = ['pc_uid', 'siret', 'org_unit'] as const;

/**
 * Who signs in. State agents through ProConnect (when configured), everyone else — external trainers, the first lab
 * administrator — with a native account created by invitation. Both through the Cognito hosted UI (authorization
 * code + PKCE). Roles are Cognito groups (the `cognito:groups` claim); the scope attributes `custom:service` and
 * `custom:hr_services` reach the handlers as ID-token claims (packages/http/src/claims.ts).
 */
export class ParcoursUserPool extends Construct {
  readonly pool: UserPool;
  /** One per role (packages/domain roles). */
  readonly groups: UserPoolGroup[];
  readonly domain: UserPoolDomain;
  /** `https://<prefix>.auth.<region>.amazoncognito.com`: the hosted UI, `/oauth2/*` and `/logout`. */
  readonly hostedUiUrl: string;
  readonly proConnect: UserPoolIdentityProviderOidc | undefined;
  /** Set by addWebClient(), once. */
  private webClient: UserPoolClient | undefined;

  constructor(scope: Construct, id: string, props: ParcoursUserPoolProps = {}) {
    super(scope, id);
    this.pool = new UserPool(this, 'Pool', {
      // Accounts are created by the programme team (HR, lab), never by visitors. Federated users are created by
      // Cognito at their first ProConnect sign-in, which this setting does not prevent.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      // A changed email is only used for sign-in once verified: no account takeover through a typo'd address.
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        givenName: { required: false, mutable: true },
        familyName: { required: false, mutable: true },
        locale: { required: false, mutable: true },
      },
      customAttributes: {
        service: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        hr_services: new StringAttribute({ minLen: 1, maxLen: 2048, mutable: true }),
        // Mapped from ProConnect at every sign-in, hence mutable. No minimum and generous maximums: a claim of an
        // unexpected shape must not make a State agent's sign-in fail (the people context validates the values).
        pc_uid: new StringAttribute({ maxLen: 256, mutable: true }),
        siret: new StringAttribute({ maxLen: 64, mutable: true }),
        org_unit: new StringAttribute({ maxLen: 2048, mutable: true }),
      },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      // HR and lab accounts see other people's records: a second factor for every native account, by app (TOTP) to
      // avoid SMS. Cognito applies it to native sign-ins only: ProConnect users authenticate at their ministry's
      // identity provider, which owns their second factor, so they are never asked for a Cognito one.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus tier: threat protection (compromised credentials, adaptive authentication) enforced, not just logged.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      userInvitation: {
        emailSubject: 'Votre accès à Parcours',
        emailBody:
          'Bonjour, votre compte Parcours est prêt. Identifiant : {username} ; mot de passe provisoire : {####}',
      },
      userVerification: {
        emailSubject: 'Parcours : vérification de votre adresse',
        emailBody: 'Votre code de vérification Parcours : {####}',
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.groups = ROLES.map((role) =>
      this.pool.addGroup(`Group-${role}`, { groupName: role, description: `Parcours role '${role}'` }),
    );

    // Classic hosted UI (the default): the newer managed login shows nothing until a branding resource exists.
    this.domain = this.pool.addDomain('HostedUi', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? stackUniquePrefix() },
    });
    this.hostedUiUrl = this.domain.baseUrl();
    this.proConnect = props.proConnect
      ? proConnectIdentityProvider(this, 'ProConnect', this.pool, props.proConnect)
      : undefined;
  }

  /**
   * The web app's client. Created once the web hosting exists, not with the pool: its callback and sign-out URLs
   * name the app's origin, which is the CloudFront distribution's domain unless a custom domain is configured —
   * and that distribution depends on the HTTP API, whose authorizer needs this client's id. Built in this order
   * (pool → API → distribution → client → authorizer and `config.js`), no resource refers back to an earlier one.
   */
  addWebClient(appOrigin: string): UserPoolClient {
    if (this.webClient) throw new Error('The web client exists already');
    const identity = [...IDENTITY_ATTRIBUTES];
    const standard = { email: true, emailVerified: true, givenName: true, familyName: true, locale: true };
    const client = this.pool.addClient('WebClient', {
      // A browser app cannot keep a secret: PKCE protects the code instead (packages/web/src/auth/cognito.ts sends a
      // code_challenge; Cognito then wants the matching verifier at the token endpoint).
      generateSecret: false,
      // SRP stays for native accounts, as before the hosted UI: it never sends the password.
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${appOrigin}${WEB_CALLBACK_PATH}`],
        logoutUrls: [`${appOrigin}${WEB_SIGNED_OUT_PATH}`],
      },
      supportedIdentityProviders: [
        UserPoolClientIdentityProvider.COGNITO,
        ...(this.proConnect ? [UserPoolClientIdentityProvider.custom(PROCONNECT_PROVIDER_NAME)] : []),
      ],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes()
        .withStandardAttributes(standard)
        .withCustomAttributes('service', 'hr_services', ...identity),
      // The scope attributes decide what a person may see: only administrators set them, never the user.
      // Email stays writable (Cognito wants required attributes writable); a change needs verification first.
      // Cognito refuses a federated sign-in whose mapped attributes the client cannot write: with ProConnect the
      // identity attributes are writable too — handlers must trust them only in tokens whose `identities` claim
      // names ProConnect (a native account could set its own).
      writeAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, givenName: true, familyName: true, locale: true })
        .withCustomAttributes(...(this.proConnect ? identity : [])),
    });
    // The client names the provider: CloudFormation must create the provider first.
    if (this.proConnect) client.node.addDependency(this.proConnect);
    this.webClient = client;
    return client;
  }
}

/**
 * `parcours-<8 hex digits>`: the first group of the stack's id (a UUID CloudFormation assigns), resolved at deploy.
 * Unique to the stack and stable for its life, known offline (no account lookup at synth), and it puts no account
 * number in a public host name. Cognito's reserved words (aws, amazon, cognito) cannot occur in hex digits.
 */
function stackUniquePrefix(): string {
  const uuid = Fn.select(2, Fn.split('/', Aws.STACK_ID));
  return Fn.join('-', ['parcours', Fn.select(0, Fn.split('-', uuid))]);
}
