import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { readDeploySettings } from '../../infra/deploy-settings.ts';

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
});
