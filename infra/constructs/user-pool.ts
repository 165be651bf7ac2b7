import { ROLES } from '@parcours/domain/roles';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/**
 * Who signs in. Roles are Cognito groups (the `cognito:groups` claim); the scope attributes `custom:service` and
 * `custom:hr_services` reach the handlers as ID-token claims (packages/http/src/claims.ts).
 */
export class ParcoursUserPool extends Construct {
  readonly pool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.pool = new UserPool(this, 'Pool', {
      // Accounts are created by the programme team (HR, lab), never by visitors.
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
      // HR and lab accounts see other people's records: a second factor for everyone, by app (TOTP) to avoid SMS.
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

    for (const role of ROLES) {
      this.pool.addGroup(`Group-${role}`, { groupName: role, description: `Parcours role '${role}'` });
    }

    const standard = { email: true, emailVerified: true, givenName: true, familyName: true, locale: true };
    this.client = this.pool.addClient('WebClient', {
      // A browser app cannot keep a secret; SRP never sends the password.
      generateSecret: false,
      authFlows: { userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes()
        .withStandardAttributes(standard)
        .withCustomAttributes('service', 'hr_services'),
      // The scope attributes decide what a person may see: only administrators set them, never the user.
      // Email stays writable (Cognito wants required attributes writable); a change needs verification first.
      writeAttributes: new ClientAttributes().withStandardAttributes({
        email: true,
        givenName: true,
        familyName: true,
        locale: true,
      }),
    });
  }
}
