import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { PROCONNECT_ISSUERS, readDeploySettings } from '../../infra/deploy-settings.ts';

const settings = (context: Record<string, unknown> = {}) => readDeploySettings(new App({ context }).node);

describe('deploy settings (CDK context)', () => {
  it('defaults to Paris, the domain of the sender as SES identity, and the local front end', () => {
    expect(settings()).toEqual({
      region: 'eu-west-3',
      sesFromAddress: 'parcours@formation.example.gouv.fr',
      sesIdentity: { name: 'formation.example.gouv.fr' },
      corsAllowOrigins: ['http://localhost:3000'],
    });
  });

  it('reads lists from `-c` strings and cdk.json arrays, and trims the public URL', () => {
    expect(settings({ corsAllowOrigins: 'https://a.fr, https://b.fr' }).corsAllowOrigins).toEqual([
      'https://a.fr',
      'https://b.fr',
    ]);
    expect(settings({ corsAllowOrigins: ['https://a.fr'] }).corsAllowOrigins).toEqual(['https://a.fr']);
    expect(settings({ publicUrl: 'https://parcours.example.fr/' }).publicUrl).toBe(
      'https://parcours.example.fr',
    );
  });

  it('prefers an explicit identity ARN, and refuses wildcards and malformed values', () => {
    const arn = 'arn:aws:ses:eu-west-1:123456789012:identity/example.fr';
    expect(settings({ sesIdentityArn: arn }).sesIdentity).toEqual({ arn });
    expect(() => settings({ sesIdentityArn: 'arn:aws:ses:eu-west-1:123456789012:identity/*' })).toThrow(
      /wildcard/,
    );
    expect(() => settings({ sesFromAddress: 'not-an-address' })).toThrow(/not an email/);
    expect(() => settings({ publicUrl: 'parcours.example.fr' })).toThrow(/absolute URL/);
  });

  it('takes the first administrator’s e-mail and a hosted-UI prefix, both optional, and checks them', () => {
    expect(settings({ adminEmail: 'camille.martin@lab.example.gouv.fr' }).adminEmail).toBe(
      'camille.martin@lab.example.gouv.fr',
    );
    expect(() => settings({ adminEmail: 'camille' })).toThrow(/'adminEmail' is not an email/);
    expect(settings({ authDomainPrefix: 'parcours-lab-2' }).authDomainPrefix).toBe('parcours-lab-2');
    for (const bad of ['Parcours', 'parcours_lab', '-parcours', 'parcours-', 'x'.repeat(64)])
      expect(() => settings({ authDomainPrefix: bad }), bad).toThrow(/'authDomainPrefix' must be/);
    // Cognito reserves these words in prefix domains.
    expect(() => settings({ authDomainPrefix: 'parcours-aws' })).toThrow(/may not contain 'aws'/);
    expect(() => settings({ authDomainPrefix: 'mycognito' })).toThrow(/may not contain 'cognito'/);
  });
});

describe('ProConnect settings', () => {
  const full = {
    proConnectIssuer: 'https://auth.agentconnect.gouv.fr/api/v2/',
    proConnectClientId: 'c0ffee-parcours',
    proConnectSecret: 'parcours/proconnect-client-secret',
  };

  it('turns ProConnect on with all three keys, end of session at <issuer>/session/end by default', () => {
    expect(settings(full).proConnect).toEqual({
      issuer: 'https://auth.agentconnect.gouv.fr/api/v2',
      clientId: 'c0ffee-parcours',
      secretId: 'parcours/proconnect-client-secret',
      endSessionUrl: 'https://auth.agentconnect.gouv.fr/api/v2/session/end',
    });
    expect(settings().proConnect).toBeUndefined();
    const endSessionUrl = 'https://auth.agentconnect.gouv.fr/api/v2/logout';
    expect(settings({ ...full, proConnectEndSessionUrl: endSessionUrl }).proConnect?.endSessionUrl).toBe(
      endSessionUrl,
    );
  });

  it('names the documented issuers: integration and production', () => {
    expect(settings({ ...full, proConnectIssuer: 'integration' }).proConnect?.issuer).toBe(
      PROCONNECT_ISSUERS.integration,
    );
    expect(settings({ ...full, proConnectIssuer: 'production' }).proConnect?.issuer).toBe(
      'https://auth.agentconnect.gouv.fr/api/v2',
    );
    expect(() => settings({ ...full, proConnectIssuer: 'toString' })).toThrow(/https URL/);
  });

  it('refuses a half-configured federation, naming what is missing', () => {
    expect(() => settings({ proConnectIssuer: full.proConnectIssuer })).toThrow(
      /half configured: give proConnectClientId, proConnectSecret too/,
    );
    const { proConnectSecret: _, ...noSecret } = full;
    expect(() => settings(noSecret)).toThrow(/give proConnectSecret too/);
    expect(() => settings({ proConnectEndSessionUrl: 'https://x.gouv.fr/session/end' })).toThrow(
      /needs ProConnect/,
    );
  });

  it('wants https URLs, and a secret’s name or ARN — never a secret value', () => {
    expect(() => settings({ ...full, proConnectIssuer: 'http://auth.example.fr/api/v2' })).toThrow(
      /https URL/,
    );
    expect(() => settings({ ...full, proConnectIssuer: 'https://auth.example.fr/?x=1' })).toThrow(
      /https URL/,
    );
    const arn = 'arn:aws:secretsmanager:eu-west-3:123456789012:secret:parcours/proconnect-AbCdEf';
    expect(settings({ ...full, proConnectSecret: arn }).proConnect?.secretId).toBe(arn);
    expect(() => settings({ ...full, proConnectSecret: 'a1b2c3d4'.repeat(8) })).toThrow(
      /looks like a secret value/,
    );
    expect(() => settings({ ...full, proConnectSecret: 'my secret!' })).toThrow(/NAME or ARN/);
    expect(() => settings({ ...full, proConnectClientId: 'has space' })).toThrow(/proConnectClientId/);
  });
});
