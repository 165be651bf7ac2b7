import type { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeSynthesized, synthParcours, templateText } from './synth.ts';

/** The web dashboards on AWS (infra/constructs/web-hosting.ts): private bucket, CloudFront, same-origin API. */
let stack: Stack;
let t: Template;

beforeAll(() => {
  stack = synthParcours().stack;
  t = Template.fromStack(stack);
});
afterAll(removeSynthesized);

type Behavior = { PathPattern?: string; FunctionAssociations?: unknown[]; AllowedMethods?: string[] };

describe('web hosting', () => {
  it('keeps the bucket private: CloudFront reads it through Origin Access Control only', () => {
    t.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 's3/' }),
    });
    t.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' }),
        ]),
      },
    });
  });

  it('serves the app over HTTPS with security headers, and the API under /api/* uncached', () => {
    const dist = t.findResources('AWS::CloudFront::Distribution');
    const config = Object.values(dist)[0]?.['Properties']?.['DistributionConfig'] as {
      DefaultCacheBehavior: Behavior & { ViewerProtocolPolicy: string; ResponseHeadersPolicyId?: unknown };
      CacheBehaviors: (Behavior & { ViewerProtocolPolicy: string; CachePolicyId: string })[];
      Logging?: unknown;
    };
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toBeDefined();
    expect(config.Logging).toBeDefined();
    const api = config.CacheBehaviors.find((b) => b.PathPattern === '/api/*');
    expect(api?.ViewerProtocolPolicy).toBe('https-only');
    expect(api?.AllowedMethods).toContain('PUT');
    // Managed CachingDisabled policy.
    expect(api?.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(api?.FunctionAssociations).toHaveLength(1);
    t.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: Match.objectLike({ Override: true }),
          StrictTransportSecurity: Match.objectLike({ Override: true }),
        }),
      },
    });
  });

  it('lets the app fetch from its own origin and the hosted UI only (the token exchange)', () => {
    const [policy] = Object.values(t.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const csp = templateText(
      policy?.['Properties']['ResponseHeadersPolicyConfig']['SecurityHeadersConfig']['ContentSecurityPolicy'][
        'ContentSecurityPolicy'
      ],
    );
    const directives = Object.fromEntries(
      csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]),
    );
    expect(directives['script-src']).toBe("'self'");
    expect(directives['connect-src']).toMatch(
      /^'self' https:\/\/<UsersPoolHostedUi[0-9A-F]{8}>\.auth\.eu-west-3\.amazoncognito\.com$/,
    );
    expect(directives['form-action']).toBe("'self'");
  });

  it('deploys the built app under app/ with config.js naming the same-origin API and the hosted UI', () => {
    const all = Object.values(t.findResources('Custom::CDKBucketDeployment'));
    // The app's assets and entry points under app/, and the API document at api/openapi.json (stack.test.ts).
    const deployments = all.filter((d) => d['Properties']['DestinationBucketKeyPrefix'] === 'app');
    expect(deployments).toHaveLength(2);
    expect(all).toHaveLength(3);
    const markers = deployments.flatMap((d) => (d['Properties']['SourceMarkers'] ?? []) as object[]);
    const scripts = markers.flatMap((m) => Object.values(m).map(templateText));
    expect(scripts).toHaveLength(1);
    const script = scripts[0] ?? '';
    expect(script.startsWith('window.PARCOURS_CONFIG = ') && script.endsWith(';\n')).toBe(true);
    // No ProConnect here (sign-in.test.ts has it): native accounts through the hosted UI.
    expect(JSON.parse(script.slice('window.PARCOURS_CONFIG = '.length, -2))).toEqual({
      apiBaseUrl: '/api',
      cognito: {
        baseUrl: expect.stringMatching(
          /^https:\/\/<UsersPoolHostedUi[0-9A-F]{8}>\.auth\.eu-west-3\.amazoncognito\.com$/,
        ),
        clientId: expect.stringMatching(/^<UsersPoolWebClient[0-9A-F]{8}>$/),
      },
    });
    t.hasOutput('WebUrl', {});
  });

  it('rewrites /api/x to the HTTP API’s /x and the app’s client routes to index.html', () => {
    const fns = Object.values(t.findResources('AWS::CloudFront::Function')).map(
      (f) => f['Properties']['FunctionCode'] as string,
    );
    const run = (code: string, uri: string) =>
      new Function('event', `${code}\nreturn handler(event);`)({ request: { uri } }) as {
        uri?: string;
        statusCode?: number;
      };
    const api = fns.find((c) => c.includes('/api'))!;
    const app = fns.find((c) => c.includes('index.html'))!;
    expect(run(api, '/api/sessions/s-1/enrolments').uri).toBe('/sessions/s-1/enrolments');
    expect(run(api, '/api').uri).toBe('/');
    expect(run(app, '/').statusCode).toBe(302);
    expect(run(app, '/app/rh/agents/camille').uri).toBe('/app/index.html');
    expect(run(app, '/app/assets/index-x.js').uri).toBe('/app/assets/index-x.js');
    expect(run(app, '/app/config.js').uri).toBe('/app/config.js');
  });
});
