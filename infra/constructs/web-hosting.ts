import { type CfnElement, Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { resolveDist } from './web-hosting-context.ts';

/**
 * The web dashboards' runtime settings, written to `/app/config.js`: the shape packages/web/src/config.ts reads
 * (`ParcoursConfig`; the web app has its own tsconfig, so the type is restated here).
 */
export interface WebRuntimeConfig {
  /** '/api' (same origin, through the distribution) or an absolute base URL. */
  readonly apiBaseUrl: string;
  readonly cognito?: WebCognitoConfig;
}

/** Cognito hosted UI (authorization code + PKCE), and ProConnect's sign-in button and sign-out when federated. */
export interface WebCognitoConfig {
  /** `https://<prefix>.auth.<region>.amazoncognito.com`. */
  readonly baseUrl: string;
  readonly clientId: string;
  readonly proConnect?: {
    /** The identity provider's name in the pool (`identity_provider=` of the authorize request). */
    readonly provider: string;
    readonly endSessionUrl: string;
    /** The pool's client id at ProConnect. */
    readonly clientId: string;
  };
}

export interface WebHostingProps {
  /** The built app (packages/web/dist): `npm run build:web`. */
  readonly distDir: string;
  /** With a missing `distDir`, deploy a one-page placeholder instead of failing (tests; context `webPlaceholder`). */
  readonly allowPlaceholder?: boolean;
  /** The HTTP API's endpoint (`https://<id>.execute-api.<region>.amazonaws.com`), served under `/api/*`. */
  readonly apiEndpoint: string;
  /** Origins the app fetches from besides its own, e.g. the hosted UI's token endpoint (CSP `connect-src`). */
  readonly connectOrigins?: readonly string[];
  /** A custom domain: its certificate (us-east-1) and names; without it, the `*.cloudfront.net` name. */
  readonly domain?: { readonly names: string[]; readonly certificate: ICertificate };
  /** A WAF web ACL for CloudFront (created in us-east-1, outside this stack). */
  readonly webAclArn?: string;
  /**
   * The API's OpenAPI document, generated at synth (functions/openapi.ts): published as a static file at
   * `/api/openapi.json`, so no Lambda carries every context's schemas to serve it.
   */
  readonly apiDocument?: Record<string, unknown>;
}

/** Where the API document is published (a bucket key and the distribution path: the same string). */
export const API_DOCUMENT_PATH = 'api/openapi.json';

/** The app lives under `/app/` in the bucket too, so that a path maps to the same key. */
const PREFIX = 'app';

/**
 * Viewer-request function of the default behaviour: `/` → `/app/`, and the app's client-side routes
 * (`/app/lab`, `/app/rh/agents/x`…, anything under `/app/` without a file extension) → `/app/index.html`.
 * Errors of the `/api/*` behaviour stay the API's own (no distribution-wide error pages).
 */
const APP_ROUTER = `
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri === '/' || uri === '/app') {
    return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: '/app/' } } };
  }
  if (uri.indexOf('/app/') === 0 && uri.split('/').pop().indexOf('.') === -1) {
    request.uri = '/app/index.html';
  }
  return request;
}`;

/** Viewer-request function of `/api/*`: the HTTP API's routes have no prefix (`/api/sessions` → `/sessions`). */
const API_PREFIX_STRIP = `
function handler(event) {
  var request = event.request;
  request.uri = request.uri.replace(/^\\/api(?=\\/|$)/, '') || '/';
  return request;
}`;

/**
 * The web dashboards on AWS: a private S3 bucket (read by CloudFront through Origin Access Control only), a
 * CloudFront distribution serving the app under `/app/` and the HTTP API under `/api/*` on the same origin (no CORS,
 * no extra DNS), security headers on every response, and the deployment of packages/web/dist; `publish()` adds
 * `index.html` + `config.js`.
 */
export class WebHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<custom domain or distribution domain>`: where the app is served and signed-in people come back. */
  readonly origin: string;
  /** `<origin>/app/`. */
  readonly appUrl: string;
  private readonly distDir: string;
  private readonly assets: BucketDeployment;
  private readonly deployLogs: LogGroup;
  private published = false;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    // S3 access logs delivered under a bucket policy, not the legacy LogDeliveryWrite ACL (which CloudFormation
    // deprecates); set here only, before any child exists, so the rest of the app is untouched.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    this.distDir = resolveDist(props.distDir, props.allowPlaceholder ?? false);

    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logs are written with ACLs: the bucket must accept them.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the access-log bucket of the web bucket and the distribution; logging it into itself would loop.',
    });

    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      // Rebuilt from the repository at every deployment: nothing to keep.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const apiDomain = Fn.select(2, Fn.split('/', props.apiEndpoint));
    // Sign-in redirects are navigations (no CSP directive governs them); only the token exchange is a fetch.
    const connectSrc = ["'self'", ...(props.connectOrigins ?? [])].join(' ');
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Parcours web: CSP (same as the local server), HSTS, no framing, no sniffing',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: [
            "default-src 'self'",
            "script-src 'self'",
            // Heatmap cells colour themselves with a style attribute.
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            `connect-src ${connectSrc}`,
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "form-action 'self'",
          ].join('; '),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
    });

    const fn = (name: string, code: string) =>
      new CloudFrontFunction(this, name, {
        code: FunctionCode.fromInline(code),
        runtime: FunctionRuntime.JS_2_0,
      });

    const siteOrigin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Parcours web dashboards (/app/) and API (/api/*)',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Europe and North America edge locations: the users are in France.
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      ...(props.domain
        ? {
            domainNames: props.domain.names,
            certificate: props.domain.certificate,
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      defaultBehavior: {
        origin: siteOrigin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
        functionAssociations: [
          { function: fn('AppRouter', APP_ROUTER), eventType: FunctionEventType.VIEWER_REQUEST },
        ],
      },
      additionalBehaviors: {
        // More specific than `/api/*` (CloudFront matches behaviours in order): the static API document.
        ...(props.apiDocument
          ? {
              [`/${API_DOCUMENT_PATH}`]: {
                origin: siteOrigin,
                viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                cachePolicy: CachePolicy.CACHING_OPTIMIZED,
                responseHeadersPolicy: headers,
                compress: true,
              },
            }
          : {}),
        '/api/*': {
          origin: new HttpOrigin(apiDomain, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // Never cached; every viewer header (Authorization included) but Host reaches API Gateway.
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          functionAssociations: [
            { function: fn('ApiPrefix', API_PREFIX_STRIP), eventType: FunctionEventType.VIEWER_REQUEST },
          ],
        },
      },
    });
    this.origin = `https://${props.domain?.names[0] ?? this.distribution.distributionDomainName}`;
    this.appUrl = `${this.origin}/${PREFIX}/`;
    this.acknowledgeDistribution(props);

    this.deployLogs = new LogGroup(this, 'DeploymentLogs', { retention: RetentionDays.ONE_MONTH });
    // Hashed assets first, cached for a year, never pruned (open tabs may still ask for the previous ones)…
    this.assets = new BucketDeployment(this, 'DeployAssets', {
      sources: [Source.asset(this.distDir, { exclude: ['index.html'] })],
      destinationBucket: this.bucket,
      destinationKeyPrefix: PREFIX,
      cacheControl: [
        CacheControl.setPublic(),
        CacheControl.maxAge(Duration.days(365)),
        CacheControl.immutable(),
      ],
      prune: false,
      logGroup: this.deployLogs,
    });
    if (props.apiDocument) {
      new BucketDeployment(this, 'DeployApiDocument', {
        sources: [Source.jsonData(API_DOCUMENT_PATH, props.apiDocument)],
        destinationBucket: this.bucket,
        cacheControl: [CacheControl.noCache()],
        prune: false,
        distribution: this.distribution,
        distributionPaths: [`/${API_DOCUMENT_PATH}`],
        logGroup: this.deployLogs,
      });
    }
    this.acknowledgeDeployment();
  }

  /**
   * Deploys the entry points: `index.html` and `config.js`, revalidated on every load, after the hashed assets, and
   * invalidated in the distribution. Separate from the constructor because the config names the user pool's web
   * client, whose callback URLs need `origin` (user-pool.ts).
   */
  publish(config: WebRuntimeConfig): void {
    if (this.published) throw new Error('The web app is published already');
    this.published = true;
    const entry = new BucketDeployment(this, 'DeployEntry', {
      sources: [
        Source.asset(this.distDir, { exclude: ['*', '!index.html'] }),
        Source.data(
          'config.js',
          Fn.join('', ['window.PARCOURS_CONFIG = ', Stack.of(this).toJsonString(config), ';\n']),
        ),
      ],
      destinationBucket: this.bucket,
      destinationKeyPrefix: PREFIX,
      cacheControl: [CacheControl.noCache()],
      prune: false,
      distribution: this.distribution,
      distributionPaths: [`/${PREFIX}/index.html`, `/${PREFIX}/config.js`],
      logGroup: this.deployLogs,
    });
    entry.node.addDependency(this.assets);
  }

  private acknowledgeDistribution(props: WebHostingProps): void {
    const acks: { id: string; reason: string }[] = [
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geographic restriction: agents sign in from anywhere in France, overseas territories included, and ' +
          'abroad on mission; access is controlled by Cognito sign-in, not by location.',
      },
    ];
    if (!props.webAclArn)
      acks.push({
        id: 'AwsSolutions-CFR2',
        reason:
          'A WAF web ACL for CloudFront must be created in us-east-1, outside this eu-west-3 stack: pass its ARN ' +
          'with -c webAclArn=… to attach it. Meanwhile the API stage is throttled and every data route needs a JWT.',
      });
    if (!props.domain)
      acks.push({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose minimum ' +
          'TLS version cannot be set; give -c webDomainName=… -c webCertificateArn=… to enforce TLS 1.2 (2021).',
      });
    for (const a of acks) Validations.of(this.distribution).acknowledge(a);
  }

  /**
   * BucketDeployment's provider Lambda is CDK's own (a singleton of the stack): its managed policy, its wildcards
   * and its runtime are set by aws-cdk-lib. Each finding is acknowledged by name, so a new one still fails.
   */
  private acknowledgeDeployment(): void {
    const stack = Stack.of(this);
    const site = stack.getLogicalId(this.bucket.node.defaultChild as CfnElement);
    const assetBucket = `arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${stack.region}/*`;
    const provider = stack.node.children.filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    const wildcard = (finding: string, reason: string) => ({ id: `AwsSolutions-IAM5[${finding}]`, reason });
    const copy = 'copies the built app from the CDK asset bucket into the web bucket at deploy time';
    for (const c of provider)
      Validations.of(c).acknowledge(
        {
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason: `CDK's BucketDeployment provider (${copy}) writes its logs with the AWS managed basic execution role.`,
        },
        ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((a) =>
          wildcard(
            `Action::${a}`,
            `CDK's BucketDeployment provider ${copy}: the grant CDK generates for that copy.`,
          ),
        ),
        wildcard(
          `Resource::${assetBucket}`,
          `CDK's BucketDeployment provider reads the app's zip from the CDK asset bucket.`,
        ),
        wildcard(
          `Resource::<${site}.Arn>/*`,
          "CDK's BucketDeployment provider writes the app's files in the web bucket.",
        ),
        wildcard(
          'Resource::*',
          "CDK's BucketDeployment provider invalidates /app/index.html and /app/config.js in the distribution; " +
            'CloudFront invalidation permissions are granted on * by aws-cdk-lib.',
        ),
        {
          id: 'AwsSolutions-L1',
          reason:
            "The runtime of CDK's BucketDeployment provider is chosen by aws-cdk-lib and upgrades with it.",
        },
      );
  }
}
