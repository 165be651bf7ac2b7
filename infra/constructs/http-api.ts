import { type RouteMeta, routeKeyOf } from '@parcours/http/route-types';
import { Duration, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  type HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPoolClient, UserPool } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface ParcoursHttpApiProps {
  readonly corsAllowOrigins: readonly string[];
  /** Stage-wide steady rate (requests/s) and burst: a cap on cost and on load on the table. */
  readonly throttle?: { readonly rateLimit: number; readonly burstLimit: number };
}

/** Path prefix of the routes only the local stack serves (e.g. `POST /_local/token`). */
const LOCAL_ONLY = '/_local';

/**
 * The HTTP API. Routes are added from the route table; the authorizer of each follows its `auth.kind`:
 * `roles` → Cognito JWT (the handler then checks the role), `public` → none, `lrs-basic` → none (the LRS checks
 * HTTP Basic credentials itself).
 */
export class ParcoursHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  private jwt: HttpJwtAuthorizer | undefined;

  constructor(scope: Construct, id: string, props: ParcoursHttpApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      description: 'Parcours API',
      // The stage is declared below, with throttling and access logs the default one cannot take.
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...props.corsAllowOrigins],
        allowMethods: [
          CorsHttpMethod.GET,
          CorsHttpMethod.POST,
          CorsHttpMethod.PUT,
          CorsHttpMethod.PATCH,
          CorsHttpMethod.DELETE,
        ],
        // xAPI clients send X-Experience-API-Version; conditional writes send If-Match.
        allowHeaders: [
          'authorization',
          'content-type',
          'if-match',
          'if-none-match',
          'x-experience-api-version',
        ],
        exposeHeaders: ['etag', 'last-modified', 'location', 'x-experience-api-consistent-through'],
        // Bearer tokens, not cookies: credentials mode is never needed.
        allowCredentials: false,
        maxAge: Duration.hours(1),
      },
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH });
    const throttle = props.throttle ?? { rateLimit: 50, burstLimit: 100 };
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            time: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });
  }

  /**
   * The Cognito JWT authorizer of the `roles` routes. Given after construction, not as a prop: the web client's
   * callback URL names the CloudFront distribution, which needs this API's endpoint first (user-pool.ts).
   */
  useUserPool(userPool: UserPool, client: IUserPoolClient): void {
    if (this.jwt) throw new Error('The API has its user pool already');
    // Cognito ID tokens carry `aud` = client id, access tokens `client_id`: API Gateway accepts either.
    this.jwt = new HttpJwtAuthorizer('CognitoJwt', userPool.userPoolProviderUrl, {
      jwtAudience: [client.userPoolClientId],
      identitySource: ['$request.header.Authorization'],
    });
  }

  /** The API's base URL (the `$default` stage has no path prefix), without a trailing slash. */
  get endpoint(): string {
    return this.api.apiEndpoint;
  }

  addFunctionRoute(name: string, trigger: RouteMeta, fn: IFunction): void {
    // Defence in depth: the local adapter serves these outside the route table; they must never reach AWS.
    if (trigger.path === LOCAL_ONLY || trigger.path.startsWith(`${LOCAL_ONLY}/`))
      throw new Error(`Route ${routeKeyOf(trigger)} is local-only and cannot be deployed`);

    if (trigger.auth.kind === 'roles' && !this.jwt)
      throw new Error(`Route ${routeKeyOf(trigger)} needs the user pool: call useUserPool() first`);
    const authorizer: IHttpRouteAuthorizer =
      trigger.auth.kind === 'roles' && this.jwt ? this.jwt : new HttpNoneAuthorizer();
    const [route] = this.api.addRoutes({
      path: trigger.path,
      methods: [HttpMethod[trigger.method]],
      integration: new HttpLambdaIntegration(`${name}-integration`, fn),
      authorizer,
    });
    if (!route) throw new Error(`No route created for ${routeKeyOf(trigger)}`);

    if (trigger.auth.kind !== 'roles') {
      const reason =
        trigger.auth.kind === 'public'
          ? `${routeKeyOf(trigger)} is public by design in its context's route table (catalog, health, one-click unsubscribe).`
          : `${routeKeyOf(trigger)} is an xAPI LRS route: the function checks HTTP Basic LRS credentials itself.`;
      Validations.of(route).acknowledge({ id: 'AwsSolutions-APIG4', reason });
    }
  }
}
