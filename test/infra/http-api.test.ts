import { type FunctionDef, routeKeyOf, routesOf } from '@parcours/http/route-types';
import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functions } from '../../functions/routes.ts';
import { ParcoursHttpApi } from '../../infra/constructs/http-api.ts';
import { checkRouteTable } from '../../infra/parcours-stack.ts';
import { type CfnResourceJson, type InspectedStack, inspectStack } from './inspect.ts';
import { removeSynthesized, synthParcours } from './synth.ts';

/** The HTTP API generated from the route table (infra/constructs/http-api.ts), and the route table's checks. */
let stack: Stack;
let template: Template;
let resources: Record<string, CfnResourceJson>;
let inspected: InspectedStack;

beforeAll(() => {
  stack = synthParcours().stack;
  inspected = inspectStack(stack);
  ({ template, resources } = inspected);
});

afterAll(removeSynthesized);

const ofType = (type: string) => inspected.ofType(type);
const logicalId = (c: IConstruct) => inspected.logicalId(c);
const constructOf = (def: FunctionDef) => inspected.constructOf(def);
const httpRoutes = routesOf(functions);

describe('HTTP API', () => {
  it('has one route per route-table entry, and nothing local-only', () => {
    const routeKeys = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties?.['RouteKey']);
    expect(routeKeys.sort()).toEqual(httpRoutes.map(({ route }) => routeKeyOf(route)).sort());
    for (const key of routeKeys) expect(key).not.toContain('_local');
  });

  it('sends each route to the Lambda of its context', () => {
    const byKey = new Map(ofType('AWS::ApiGatewayV2::Route').map(([, r]) => [r.Properties?.['RouteKey'], r]));
    for (const { name, route, fn } of httpRoutes) {
      // Target: { Fn::Join: ['', ['integrations/', { Ref: <integration> }]] }
      const target = JSON.stringify(byKey.get(routeKeyOf(route))?.Properties?.['Target'] ?? null);
      const integrationId = /"integrations\/",\{"Ref":"([A-Za-z0-9]+)"\}/.exec(target)?.[1];
      const integration = integrationId ? resources[integrationId] : undefined;
      expect(JSON.stringify(integration?.Properties?.['IntegrationUri']), name).toContain(
        `"${logicalId(constructOf(fn).fn)}"`,
      );
    }
  });

  it('puts the Cognito JWT authorizer on every roles route and none on the others', () => {
    const authorizers = ofType('AWS::ApiGatewayV2::Authorizer');
    expect(authorizers).toHaveLength(1);
    const authorizerId = authorizers[0]?.[0];
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: { 'Fn::GetAtt': [Match.stringLikeRegexp('^UsersPool'), 'ProviderURL'] },
        Audience: [{ Ref: Match.stringLikeRegexp('^UsersPoolWebClient') }],
      },
    });
    const byKey = new Map(ofType('AWS::ApiGatewayV2::Route').map(([, r]) => [r.Properties?.['RouteKey'], r]));
    for (const { name, route } of httpRoutes) {
      const props = byKey.get(routeKeyOf(route))?.Properties ?? {};
      if (route.auth.kind === 'roles') {
        expect(props['AuthorizationType'], name).toBe('JWT');
        expect(props['AuthorizerId'], name).toEqual({ Ref: authorizerId });
      } else {
        expect(props['AuthorizationType'] ?? 'NONE', name).toBe('NONE');
        expect(props['AuthorizerId'], name).toBeUndefined();
      }
    }
  });

  it('has a throttled $default stage with access logs, and CORS', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('AccessLogs'), 'Arn'] },
        Format: Match.stringLikeRegexp('\\$context\\.requestId'),
      },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: Match.anyValue(),
        AllowHeaders: Match.arrayWith(['authorization', 'content-type']),
      }),
    });
  });

  it('follows declarations the route table may not use yet: lrs-basic auth, linkSecret without table access', () => {
    const variant = functions.map((f): FunctionDef => {
      if (f.name !== 'people' || !f.routes) return f;
      const { 'me-get': me, ...others } = f.routes;
      if (!me) throw new Error('me-get is missing from the people context');
      return {
        ...f,
        routes: { ...others, 'me-get': { ...me, auth: { kind: 'lrs-basic' } } },
        access: { table: [], linkSecret: true },
      };
    });
    const t = Template.fromStack(synthParcours({ functions: variant }).stack);
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'GET /me',
      AuthorizationType: 'NONE',
      AuthorizerId: Match.absent(),
    });
    t.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^Parcours people: '),
      Environment: {
        Variables: Match.objectLike({
          LINK_SIGNING_SECRET: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
          TABLE_NAME: Match.absent(),
        }),
      },
    });
  });

  it('refuses a roles route before the API knows its user pool (the authorizer comes after the web client)', () => {
    const scratch = new Stack();
    const api = new ParcoursHttpApi(scratch, 'Http', { corsAllowOrigins: [] });
    const fn = LambdaFunction.fromFunctionArn(
      scratch,
      'Fn',
      'arn:aws:lambda:eu-west-3:123456789012:function:x',
    );
    const roles = routesOf(functions).find(({ route }) => route.auth.kind === 'roles');
    if (!roles) throw new Error('the route table has no roles route');
    expect(() => api.addFunctionRoute(roles.name, roles.route, fn)).toThrow(/call useUserPool\(\) first/);
  });

  it('refuses to deploy a local-only route', () => {
    const withLocal = functions.map(
      (f): FunctionDef =>
        f.name === 'catalog'
          ? {
              ...f,
              routes: {
                token: {
                  method: 'POST',
                  path: '/_local/token',
                  auth: { kind: 'public' },
                  summary: 'x',
                  tags: [],
                },
              },
            }
          : f,
    );
    expect(() => synthParcours({ functions: withLocal })).toThrow(/local-only/);
  });

  it('publishes the OpenAPI document as a static file on the web origin, not through a Lambda', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: Match.arrayWith([Match.objectLike({ PathPattern: '/api/openapi.json' })]),
      }),
    });
    const behaviours = ofType('AWS::CloudFront::Distribution').flatMap(
      ([, d]) =>
        (d.Properties?.['DistributionConfig'] as { CacheBehaviors?: { PathPattern: string }[] } | undefined)
          ?.CacheBehaviors ?? [],
    );
    // CloudFront takes the first matching behaviour: the document's must come before the API's.
    const order = behaviours.map((b) => b.PathPattern);
    expect(order.indexOf('/api/openapi.json')).toBeLessThan(order.indexOf('/api/*'));
    const routeKeys = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => String(r.Properties?.['RouteKey']));
    expect(routeKeys.filter((k) => k.includes('openapi'))).toEqual([]);
  });
});

describe('route table checks', () => {
  const people = functions.find((f) => f.name === 'people');
  it('accepts the real route table', () => expect(() => checkRouteTable(functions)).not.toThrow());
  it('rejects a duplicate route, an untriggered function and a non-kebab name', () => {
    if (!people?.routes) throw new Error('people is missing from the route table');
    expect(() => checkRouteTable([people, { ...people, name: 'people-again' }])).toThrow(
      /Route 'me-get' is declared twice/,
    );
    const me = people.routes['me-get'];
    if (!me) throw new Error('me-get is missing from the people context');
    expect(() =>
      checkRouteTable([people, { name: 'other', routes: { 'me-again': me }, access: { table: [] } }]),
    ).toThrow(/GET \/me is declared twice/);
    expect(() => checkRouteTable([{ name: 'idle', access: { table: [] } }])).toThrow(/no trigger/);
    expect(() => checkRouteTable([{ ...people, name: 'People' }])).toThrow(/kebab-case/);
  });
});
