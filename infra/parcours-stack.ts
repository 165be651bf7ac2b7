import { join } from 'node:path';
import { type FunctionDef, routeKeyOf, routesOf } from '@parcours/http/route-types';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Trigger } from 'aws-cdk-lib/triggers';
import type { Construct } from 'constructs';
import { FunctionSchedule } from './constructs/function-schedule.ts';
import { ParcoursHttpApi } from './constructs/http-api.ts';
import { needsLinkSigningSecret, ParcoursFunction, type SesSender } from './constructs/parcours-function.ts';
import { ParcoursTable } from './constructs/parcours-table.ts';
import { PROCONNECT_PROVIDER_NAME } from './constructs/proconnect-idp.ts';
import { TableStreamConsumer } from './constructs/table-stream-consumer.ts';
import { ParcoursUserPool } from './constructs/user-pool.ts';
import { WebHosting } from './constructs/web-hosting.ts';
import { webHostingContext } from './constructs/web-hosting-context.ts';
import type { DeploySettings } from './deploy-settings.ts';

export interface ParcoursStackProps extends StackProps {
  readonly settings: DeploySettings;
  /** The route table (functions/routes.ts); everything below is generated from it. */
  readonly functions: readonly FunctionDef[];
  /** The OpenAPI document (functions/openapi.ts), published beside the web app. */
  readonly apiDocument?: Record<string, unknown>;
}

/**
 * Everything Parcours runs on: one table, one user pool, one HTTP API (one route per route-table entry, each with its
 * own authorizer) and one Lambda per bounded context of the route table.
 */
export class ParcoursStack extends Stack {
  constructor(scope: Construct, id: string, props: ParcoursStackProps) {
    super(scope, id, props);
    const { settings } = props;
    checkRouteTable(props.functions);

    const { table } = new ParcoursTable(this, 'Data');
    const users = new ParcoursUserPool(this, 'Users', {
      ...(settings.authDomainPrefix ? { domainPrefix: settings.authDomainPrefix } : {}),
      ...(settings.proConnect ? { proConnect: settings.proConnect } : {}),
    });
    const http = new ParcoursHttpApi(this, 'Http', { corsAllowOrigins: settings.corsAllowOrigins });
    // Sign-in wiring, in dependency order (user-pool.ts): the distribution (it serves the API) → the web client
    // (its callback URLs name the distribution) → the API's authorizer (it names the client).
    const web = this.webHosting(http.endpoint, users.hostedUiUrl, props.apiDocument);
    const client = users.addWebClient(web.origin);
    http.useUserPool(users.pool, client);
    // Built only when some function of the route table needs them: no orphan secret otherwise.
    const ses = props.functions.some((f) => f.access.ses) ? this.sesSender(settings) : undefined;
    const linkSigningSecret = props.functions.some(needsLinkSigningSecret)
      ? this.linkSigningSecret()
      : undefined;
    // The API endpoint is known before any function exists (functions depend on the API, routes on functions):
    // no dependency cycle.
    const publicUrl = settings.publicUrl ?? http.endpoint;

    const seeds: Trigger[] = [];
    const served: Construct[] = [];
    for (const def of props.functions) {
      const id = pascalCase(def.name);
      const { fn } = new ParcoursFunction(this, id, {
        def,
        table,
        publicUrl,
        ...(ses ? { ses } : {}),
        ...(linkSigningSecret ? { linkSigningSecret } : {}),
        userPool: users.pool,
        ...(settings.adminEmail ? { adminEmail: settings.adminEmail } : {}),
      });
      // Roles are groups: a function putting people in them must not run before they exist — the seed runs during
      // the very deployment that creates them, and nothing else orders the two.
      if (def.access.userPool?.length) fn.node.addDependency(...users.groups);
      for (const [name, route] of Object.entries(def.routes ?? {})) http.addFunctionRoute(name, route, fn);
      if (def.schedule)
        new FunctionSchedule(this, `${id}Schedule`, {
          fn,
          expression: def.schedule.expression,
          description: `Invokes ${def.name} (${def.schedule.expression})`,
        });
      if (def.stream)
        new TableStreamConsumer(this, `${id}Stream`, { table, fn, batchSize: def.stream.batchSize });
      // Invoked by CloudFormation once the table exists, on the first deploy and whenever its code changes:
      // `npm run deploy` leaves a seeded programme, no script to run by hand.
      if (def.afterDeploy)
        seeds.push(
          new Trigger(this, `${id}AfterDeploy`, {
            handler: fn,
            executeAfter: [table],
            timeout: Duration.minutes(5),
          }),
        );
      else served.push(fn);
    }
    // The other functions are created once the seed has run: a first deployment never serves an unseeded table.
    for (const seed of seeds) seed.executeBefore(...served);

    web.publish({
      apiBaseUrl: '/api',
      cognito: {
        baseUrl: users.hostedUiUrl,
        clientId: client.userPoolClientId,
        ...(settings.proConnect
          ? {
              proConnect: {
                provider: PROCONNECT_PROVIDER_NAME,
                endSessionUrl: settings.proConnect.endSessionUrl,
                clientId: settings.proConnect.clientId,
              },
            }
          : {}),
      },
    });

    new CfnOutput(this, 'ApiUrl', { value: http.endpoint, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'WebUrl', { value: web.appUrl, description: 'The web dashboards (API under /api/)' });
    new CfnOutput(this, 'UserPoolId', { value: users.pool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    this.signInOutputs(users.hostedUiUrl, settings);
  }

  /** What operators need to check sign-in, and to register the pool at ProConnect. */
  private signInOutputs(hostedUiUrl: string, settings: DeploySettings): void {
    new CfnOutput(this, 'HostedUiUrl', {
      value: hostedUiUrl,
      description: 'Cognito hosted UI (sign-in of every account)',
    });
    new CfnOutput(this, 'ProConnect', {
      value: settings.proConnect ? 'enabled' : 'disabled',
      description:
        'Whether State agents sign in through ProConnect (context proConnectIssuer/ClientId/Secret)',
    });
    if (settings.proConnect)
      new CfnOutput(this, 'ProConnectRedirectUri', {
        value: `${hostedUiUrl}/oauth2/idpresponse`,
        description: 'The redirect_uri to register at ProConnect for this pool',
      });
  }

  /** The web dashboards (infra/constructs/web-hosting.ts): S3 + CloudFront, the API on the same origin. */
  private webHosting(
    apiEndpoint: string,
    hostedUiUrl: string,
    apiDocument: Record<string, unknown> | undefined,
  ): WebHosting {
    const ctx = webHostingContext(this);
    return new WebHosting(this, 'Web', {
      ...(apiDocument ? { apiDocument } : {}),
      distDir: join(import.meta.dirname, '..', 'packages', 'web', 'dist'),
      allowPlaceholder: ctx.allowPlaceholder,
      apiEndpoint,
      // The web app exchanges its authorization code at the hosted UI's token endpoint.
      connectOrigins: [hostedUiUrl],
      ...(ctx.webAclArn ? { webAclArn: ctx.webAclArn } : {}),
      ...(ctx.domain
        ? {
            domain: {
              names: [ctx.domain.name],
              certificate: Certificate.fromCertificateArn(this, 'WebCertificate', ctx.domain.certificateArn),
            },
          }
        : {}),
    });
  }

  private sesSender(settings: DeploySettings): SesSender {
    const sesArn = (resource: string, name: string) =>
      this.formatArn({ service: 'ses', resource, resourceName: name });
    const configurationSet = settings.sesConfigurationSet;
    return {
      fromAddress: settings.sesFromAddress,
      identityArn:
        'arn' in settings.sesIdentity
          ? settings.sesIdentity.arn
          : sesArn('identity', settings.sesIdentity.name),
      ...(configurationSet
        ? { configurationSet: { name: configurationSet, arn: sesArn('configuration-set', configurationSet) } }
        : {}),
    };
  }

  /** HMAC key of the links in emails (functions/shared/links.ts), generated once, never in code. */
  private linkSigningSecret(): Secret {
    const secret = new Secret(this, 'LinkSigningSecret', {
      description: 'HMAC key signing the links in Parcours emails (unsubscribe)',
      generateSecretString: {
        secretStringTemplate: '{}',
        generateStringKey: 'key',
        passwordLength: 64,
        excludePunctuation: true,
      },
      // Links already sent must keep working if the stack is ever re-created.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the key would invalidate the unsubscribe links of every email already sent; the link code ' +
        'verifies against one key. Rotate by hand (redeploy) if it leaks.',
    });
    return secret;
  }
}

/** Mistakes in the route table surface at synth, with the entry's name, rather than as a failed deployment. */
export function checkRouteTable(functions: readonly FunctionDef[]): void {
  const names = new Set<string>();
  const routeKeys = new Set<string>();
  for (const def of functions) {
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(def.name))
      throw new Error(`Function name '${def.name}' must be kebab-case`);
    if (names.has(def.name)) throw new Error(`Function '${def.name}' is declared twice`);
    names.add(def.name);
    if (!def.routes && !def.schedule && !def.stream && !def.afterDeploy)
      throw new Error(`Function '${def.name}' has no trigger (routes, schedule, stream or afterDeploy)`);
  }
  const routeNames = new Set<string>();
  for (const { name, route, fn } of routesOf(functions)) {
    if (routeNames.has(name)) throw new Error(`Route '${name}' is declared twice (again in '${fn.name}')`);
    routeNames.add(name);
    const key = routeKeyOf(route);
    if (routeKeys.has(key)) throw new Error(`Route ${key} is declared twice (again in '${fn.name}')`);
    routeKeys.add(key);
  }
}

function pascalCase(kebab: string): string {
  return kebab.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase());
}
