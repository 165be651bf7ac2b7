import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functions } from '../../functions/routes.ts';
import { actionsOf, type InspectedStack, inspectStack, statementsIn } from './inspect.ts';
import { removeSynthesized, synthParcours, templateText } from './synth.ts';

/**
 * Sign-in on AWS (infra/constructs/user-pool.ts, proconnect-idp.ts): the hosted UI for everyone, ProConnect
 * federated when configured, the first administrator invited by the seed. Synthesized with and without ProConnect.
 */
const require = createRequire(import.meta.url);
const cfnValidate: typeof import('@aws/cloudformation-validate') = require('@aws/cloudformation-validate');

/** A made-up secret name: the test checks where it lands, no secret value exists anywhere. */
const FAKE_SECRET_NAME = 'parcours-test/fake-proconnect-client-secret';
const ADMIN_EMAIL = 'premiere.admin@lab.example.gouv.fr';
const PROCONNECT = {
  proConnectIssuer: 'integration',
  proConnectClientId: 'parcours-integration-client',
  proConnectSecret: FAKE_SECRET_NAME,
};

interface Synth extends InspectedStack {
  stack: Stack;
  outdir: string;
}

function synth(context: Record<string, unknown>): Synth {
  const { stack, outdir } = synthParcours({ context });
  return { ...inspectStack(stack), stack, outdir };
}

let federated: Synth;
let native: Synth;
let customDomain: Synth;

beforeAll(() => {
  federated = synth({ ...PROCONNECT, adminEmail: ADMIN_EMAIL });
  native = synth({});
  customDomain = synth({
    authDomainPrefix: 'parcours-recette',
    webDomainName: 'parcours.example.gouv.fr',
    webCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f0e0d0c-0b0a-0908-0706-050403020100',
  });
});
afterAll(removeSynthesized);

const ofType = (s: Synth, type: string) => s.ofType(type);
const only = (s: Synth, type: string) => {
  const found = ofType(s, type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
};
const props = (s: Synth, type: string) => only(s, type)[1].Properties ?? {};

/** `config.js` as deployed: `window.PARCOURS_CONFIG = {…};`, references shown as `<LogicalId>`. */
function webConfig(s: Synth): Record<string, unknown> {
  const prefix = 'window.PARCOURS_CONFIG = ';
  const scripts = ofType(s, 'Custom::CDKBucketDeployment')
    .flatMap(([, d]) => (d.Properties?.['SourceMarkers'] ?? []) as object[])
    .flatMap((m) => Object.values(m).map(templateText))
    .filter((text) => text.startsWith(prefix));
  expect(scripts).toHaveLength(1);
  return JSON.parse((scripts[0] ?? '').slice(prefix.length, -';\n'.length));
}

const seed = functions.find((f) => f.name === 'seed');
const seedEnv = (s: Synth) => {
  if (!seed) throw new Error('seed is missing from the route table');
  return s.envOf(s.constructOf(seed));
};

describe('ProConnect federation', () => {
  it('declares ProConnect as an OIDC provider: issuer, client id, scopes, userinfo by GET, attribute mapping', () => {
    const idp = props(federated, 'AWS::Cognito::UserPoolIdentityProvider');
    expect(idp['ProviderName']).toBe('ProConnect');
    expect(idp['ProviderType']).toBe('OIDC');
    expect(idp['ProviderDetails']).toEqual({
      client_id: 'parcours-integration-client',
      client_secret: expect.any(String),
      authorize_scopes: 'openid email given_name usual_name uid siret organizational_unit',
      attributes_request_method: 'GET',
      oidc_issuer: 'https://fca.integ01.dev-agentconnect.fr/api/v2',
    });
    expect(idp['AttributeMapping']).toEqual({
      email: 'email',
      given_name: 'given_name',
      family_name: 'usual_name',
      'custom:pc_uid': 'uid',
      'custom:siret': 'siret',
      'custom:org_unit': 'organizational_unit',
    });
    expect(ofType(native, 'AWS::Cognito::UserPoolIdentityProvider')).toEqual([]);
  });

  it('only references the client secret: a Secrets Manager dynamic reference, in the template and the assembly', () => {
    const reference = `{{resolve:secretsmanager:${FAKE_SECRET_NAME}:SecretString:::}}`;
    const idp = props(federated, 'AWS::Cognito::UserPoolIdentityProvider');
    expect((idp['ProviderDetails'] as Record<string, unknown>)['client_secret']).toBe(reference);
    // Every file of the cloud assembly (templates, manifests, tree.json): the name only ever appears inside the
    // reference CloudFormation resolves at deploy time.
    const files = readdirSync(federated.outdir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.json'),
    );
    let seen = 0;
    for (const file of files) {
      const text = readFileSync(join(federated.outdir, file), 'utf8');
      const all = text.split(FAKE_SECRET_NAME).length - 1;
      const referenced = text.split(reference).length - 1;
      expect(all, file).toBe(referenced);
      seen += all;
    }
    expect(seen).toBeGreaterThan(0);
    // CloudFormation resolves it: no role of the stack may read it.
    const actions = ofType(federated, 'AWS::IAM::Policy').flatMap(([, p]) =>
      statementsIn(p).flatMap(actionsOf),
    );
    expect(actions.filter((a) => a.startsWith('secretsmanager:'))).toEqual([]);
  });

  it('lets the web client offer ProConnect beside native accounts, created after the provider', () => {
    const [clientId, client] = only(federated, 'AWS::Cognito::UserPoolClient');
    expect(client.Properties?.['SupportedIdentityProviders']).toEqual(['COGNITO', 'ProConnect']);
    const [idpId] = only(federated, 'AWS::Cognito::UserPoolIdentityProvider');
    expect(federated.resources[clientId]?.DependsOn).toContain(idpId);
    expect(props(native, 'AWS::Cognito::UserPoolClient')['SupportedIdentityProviders']).toEqual(['COGNITO']);
  });

  it('lets the client write the mapped identity attributes (Cognito requires it), never the scope attributes', () => {
    const write = props(federated, 'AWS::Cognito::UserPoolClient')['WriteAttributes'] as string[];
    expect(write).toEqual(expect.arrayContaining(['custom:pc_uid', 'custom:siret', 'custom:org_unit']));
    expect(write).not.toContain('custom:service');
    expect(write).not.toContain('custom:hr_services');
  });
});

describe('hosted UI', () => {
  it('uses the code flow only, PKCE without secret, openid/email/profile, back to /app/callback and /app/signed-out', () => {
    for (const s of [federated, native]) {
      const client = props(s, 'AWS::Cognito::UserPoolClient');
      expect(client).toMatchObject({
        AllowedOAuthFlows: ['code'],
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthScopes: ['openid', 'email', 'profile'],
        GenerateSecret: false,
        ExplicitAuthFlows: expect.arrayContaining(['ALLOW_USER_SRP_AUTH']),
        IdTokenValidity: 60,
        AccessTokenValidity: 60,
        RefreshTokenValidity: 30 * 24 * 60,
        TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'minutes' },
      });
      const [distributionId] = only(s, 'AWS::CloudFront::Distribution');
      const urls = (key: string) => (client[key] as unknown[]).map(templateText);
      expect(urls('CallbackURLs')).toEqual([`https://<${distributionId}.DomainName>/app/callback`]);
      expect(urls('LogoutURLs')).toEqual([`https://<${distributionId}.DomainName>/app/signed-out`]);
    }
  });

  it('sends people back to the custom domain when the distribution has one', () => {
    const client = props(customDomain, 'AWS::Cognito::UserPoolClient');
    expect(client['CallbackURLs']).toEqual(['https://parcours.example.gouv.fr/app/callback']);
    expect(client['LogoutURLs']).toEqual(['https://parcours.example.gouv.fr/app/signed-out']);
  });

  it('has a prefix domain: unique to the stack by default (resolved at deploy), the configured one otherwise', () => {
    // parcours-<first group of the stack id's UUID>: arn:…:stack/Parcours/<uuid>.
    const split = (sep: string, value: unknown) => ({ 'Fn::Split': [sep, value] });
    const uuid = { 'Fn::Select': [2, split('/', { Ref: 'AWS::StackId' })] };
    expect(props(native, 'AWS::Cognito::UserPoolDomain')['Domain']).toEqual({
      'Fn::Join': ['-', ['parcours', { 'Fn::Select': [0, split('-', uuid)] }]],
    });
    expect(props(customDomain, 'AWS::Cognito::UserPoolDomain')['Domain']).toBe('parcours-recette');
    // Classic hosted UI: the newer managed login would need a branding resource to show anything.
    expect(props(native, 'AWS::Cognito::UserPoolDomain')['ManagedLoginVersion']).toBeUndefined();
  });

  it('keeps native accounts by invitation with TOTP required; ProConnect users get their factor from ProConnect', () => {
    for (const s of [federated, native]) {
      s.template.hasResourceProperties('AWS::Cognito::UserPool', {
        AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      });
    }
  });
});

describe('web config and outputs', () => {
  it('publishes the hosted UI, the client and, when federated, ProConnect’s button and end of session', () => {
    const [domainId] = only(federated, 'AWS::Cognito::UserPoolDomain');
    const [clientId] = only(federated, 'AWS::Cognito::UserPoolClient');
    const cognito = {
      baseUrl: `https://<${domainId}>.auth.eu-west-3.amazoncognito.com`,
      clientId: `<${clientId}>`,
    };
    expect(webConfig(federated)).toEqual({
      apiBaseUrl: '/api',
      cognito: {
        ...cognito,
        proConnect: {
          provider: 'ProConnect',
          endSessionUrl: 'https://fca.integ01.dev-agentconnect.fr/api/v2/session/end',
          clientId: 'parcours-integration-client',
        },
      },
    });
    expect(webConfig(native)).toEqual({
      apiBaseUrl: '/api',
      cognito: expect.not.objectContaining({ proConnect: expect.anything() }),
    });
  });

  it('outputs the hosted UI, whether ProConnect is on, and the redirect URI to register at ProConnect', () => {
    const [domainId] = only(federated, 'AWS::Cognito::UserPoolDomain');
    const outputs = (s: Synth) =>
      Object.fromEntries(
        Object.entries(s.template.toJSON()['Outputs'] as Record<string, { Value: unknown }>).map(([k, o]) => [
          k,
          templateText(o.Value),
        ]),
      );
    const hostedUi = `https://<${domainId}>.auth.eu-west-3.amazoncognito.com`;
    expect(outputs(federated)).toMatchObject({
      HostedUiUrl: hostedUi,
      ProConnect: 'enabled',
      ProConnectRedirectUri: `${hostedUi}/oauth2/idpresponse`,
    });
    expect(outputs(native)['ProConnect']).toBe('disabled');
    expect(outputs(native)['ProConnectRedirectUri']).toBeUndefined();
  });
});

describe('first administrator and role mirroring', () => {
  it('gives the admin e-mail to the seed function alone, and to nothing else of the template', () => {
    const withEmail = ofType(federated, 'AWS::Lambda::Function').filter(([, f]) =>
      JSON.stringify(f.Properties?.['Environment'] ?? {}).includes('ADMIN_EMAIL'),
    );
    expect(withEmail.map(([id]) => id)).toHaveLength(1);
    expect(seedEnv(federated)['ADMIN_EMAIL']).toBe(ADMIN_EMAIL);
    expect(JSON.stringify(federated.template.toJSON()).split(ADMIN_EMAIL)).toHaveLength(2);
    // Without the setting the seed invites nobody.
    expect(seedEnv(native)['ADMIN_EMAIL']).toBeUndefined();
    expect(seedEnv(native)['USER_POOL_ID']).toBeDefined();
  });

  it('runs the seed (and the role mirror) only once the role groups exist: it puts the administrator in one', () => {
    const groups = ofType(native, 'AWS::Cognito::UserPoolGroup').map(([id]) => id);
    expect(groups.length).toBeGreaterThan(0);
    for (const def of functions.filter((f) => f.access.userPool?.length)) {
      const fnId = native.logicalId(native.constructOf(def).fn);
      expect(native.resources[fnId]?.DependsOn, def.name).toEqual(expect.arrayContaining(groups));
    }
  });

  it('keeps the user pool grants of the role mirror and the seed on the one pool when federated', () => {
    const [poolId] = only(federated, 'AWS::Cognito::UserPool');
    const statements = ofType(federated, 'AWS::IAM::Policy')
      .flatMap(([, p]) => statementsIn(p))
      .filter((st) => actionsOf(st).some((a) => a.startsWith('cognito-idp:')));
    expect(statements).toHaveLength(2);
    for (const st of statements) expect(st.Resource).toEqual({ 'Fn::GetAtt': [poolId, 'Arn'] });
  });
});

describe('checks of the federated stack', () => {
  it('leaves no cdk-nag AwsSolutions finding unacknowledged, and no CDK warning', () => {
    for (const s of [federated, customDomain]) {
      const report = new AwsSolutionsChecks().validateScope(s.stack);
      expect(
        report.violations.map(
          (v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath ?? r.resourceLogicalId)}`,
        ),
      ).toEqual([]);
      // The plugin infra/app.ts registers ran during synth too: its report names no failing plugin.
      const written = JSON.parse(readFileSync(join(s.outdir, 'validation-report.json'), 'utf8')) as {
        pluginReports: unknown[];
      };
      expect(written.pluginReports).toEqual([]);
      expect(Annotations.fromStack(s.stack).findWarning('*', Match.anyValue())).toEqual([]);
      expect(Annotations.fromStack(s.stack).findError('*', Match.anyValue())).toEqual([]);
    }
  });

  it('passes CloudFormation schema validation', () => {
    const validator = new cfnValidate.SchemaValidator();
    try {
      const diagnostics = validator.validate(
        new cfnValidate.TemplateFile(join(federated.outdir, `${federated.stack.artifactId}.template.json`)),
        'eu-west-3',
      );
      const problems = diagnostics.filter((d) => d.severity !== 'INFO' && d.severity !== 'DEBUG');
      expect(
        problems.map((d) => `${d.severity} ${d.ruleId} ${d.entity?.logicalId ?? ''}: ${d.message}`),
      ).toEqual([]);
    } finally {
      validator.free();
    }
  });
});
