import { join } from 'node:path';
import { type FunctionDef, routeKeyOf } from '@parcours/http/route-types';
import { type CfnElement, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { entryPath, lambdaBundling, REPO_ROOT } from '../bundling-options.ts';

export interface ParcoursFunctionProps {
  readonly def: FunctionDef;
  readonly table: ITableV2;
  /** PUBLIC_URL: where links in emails and documents point. */
  readonly publicUrl: string;
  /** Required when the function's access says `ses: true`. */
  readonly ses?: SesSender;
  /** Required when `needsLinkSigningSecret(def)`. */
  readonly linkSigningSecret?: ISecret;
  /** Required when the function's access lists user pool actions. */
  readonly userPool?: IUserPool;
  /** ADMIN_EMAIL of the function that invites users (`AdminCreateUser`): the first lab administrator. */
  readonly adminEmail?: string;
}

/** What a function that sends email is given: the sender and the SES resources it may use. */
export interface SesSender {
  readonly fromAddress: string;
  readonly identityArn: string;
  readonly configurationSet?: { readonly name: string; readonly arn: string };
}

/** Senders sign the links in their emails (unsubscribe, RFC 8058); the unsubscribe routes verify them. */
export function needsLinkSigningSecret(def: FunctionDef): boolean {
  return !!def.access.ses || !!def.access.linkSecret;
}

/**
 * One Lambda of the route table (a bounded context). Its environment and its IAM permissions are derived together
 * from `FunctionDef.access`, so a function can never see TABLE_NAME without a grant, nor hold a table action it was
 * not declared to call (the local stack refuses undeclared actions the same way: packages/local/src/table-access.ts).
 */
export class ParcoursFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ParcoursFunctionProps) {
    super(scope, id);
    const { def } = props;

    this.logGroup = new LogGroup(this, 'Logs', {
      // Logs may carry personal data (IPs, user ids): keep them no longer than needed to investigate.
      retention: RetentionDays.ONE_MONTH,
    });
    // Own role instead of AWSLambdaBasicExecutionRole: that managed policy may create and write any log group.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${def.name} function`,
    });
    this.logGroup.grantWrite(role);

    this.fn = new NodejsFunction(this, 'Fn', {
      entry: entryPath(def.name),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: def.memoryMb ?? 512,
      timeout: Duration.seconds(def.timeoutSeconds ?? 10),
      // Lambda caps descriptions at 256 characters.
      description: describe(def).slice(0, 256),
      role,
      logGroup: this.logGroup,
      tracing: Tracing.ACTIVE,
      bundling: lambdaBundling,
      environment: {
        // The bundles ship external source maps: stack traces in the logs point at .ts lines.
        NODE_OPTIONS: '--enable-source-maps',
        PUBLIC_URL: props.publicUrl,
      },
    });

    const actions = def.access.table;
    if (actions.length > 0) {
      const indexed = actions.some((a) => a === 'Query' || a === 'Scan');
      this.fn.addToRolePolicy(
        new PolicyStatement({
          actions: actions.map((a) => `dynamodb:${a}`),
          resources: [props.table.tableArn, ...(indexed ? [`${props.table.tableArn}/index/*`] : [])],
        }),
      );
      this.fn.addEnvironment('TABLE_NAME', props.table.tableName);
      if (indexed) {
        // cdk-nag names the finding after the table's logical id.
        const tableId = Stack.of(this).getLogicalId(props.table.node.defaultChild as CfnElement);
        Validations.of(role).acknowledge({
          id: `AwsSolutions-IAM5[Resource::<${tableId}.Arn>/index/*]`,
          reason: 'Queries on the GSIs (gsi1..3) need the index/* sub-resources of this one table.',
        });
      }
    }

    if (def.access.ses) {
      const { ses } = props;
      if (!ses) throw new Error(`Function '${def.name}' sends email but the stack gave it no SES settings`);
      this.fn.addToRolePolicy(
        new PolicyStatement({
          // SES v2 SendEmail (raw content included) is authorized as ses:SendEmail.
          actions: ['ses:SendEmail'],
          // SES authorizes against the identity and, when one is named, the configuration set.
          resources: [ses.identityArn, ...(ses.configurationSet ? [ses.configurationSet.arn] : [])],
          // Only as the configured sender, even though the identity (a domain) would allow any local part.
          conditions: { StringEquals: { 'ses:FromAddress': ses.fromAddress } },
        }),
      );
      this.fn.addEnvironment('SES_FROM', ses.fromAddress);
      if (ses.configurationSet) this.fn.addEnvironment('SES_CONFIGURATION_SET', ses.configurationSet.name);
    }

    if (def.access.mailProbe) {
      // GetAccount reads the account's sending status; SES offers no resource-level scoping for it.
      this.fn.addToRolePolicy(new PolicyStatement({ actions: ['ses:GetAccount'], resources: ['*'] }));
      Validations.of(role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'ses:GetAccount (the /health mail probe) has no resource-level permissions.',
      });
    }

    if (needsLinkSigningSecret(def)) {
      const secret = props.linkSigningSecret;
      if (!secret) throw new Error(`Function '${def.name}' signs links but the stack gave it no signing key`);
      // The handlers read the key synchronously at init: CloudFormation resolves it into the environment (stored
      // encrypted; visible to whoever may read this function's configuration), so the role needs no secret access.
      this.fn.addEnvironment('LINK_SIGNING_SECRET', secret.secretValueFromJson('key').unsafeUnwrap());
    }

    this.grantUserPool(props);

    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray PutTraceSegments/PutTelemetryRecords (active tracing) support no resource-level permissions.',
    });
  }

  /** Exactly the declared `cognito-idp` actions, on the one pool; its id in USER_POOL_ID. */
  private grantUserPool(props: ParcoursFunctionProps): void {
    const { def } = props;
    const actions = def.access.userPool ?? [];
    if (actions.length === 0) return;
    const pool = props.userPool;
    if (!pool) throw new Error(`Function '${def.name}' calls the user pool but the stack gave it none`);
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: actions.map((a) => `cognito-idp:${a}`),
        resources: [pool.userPoolArn],
      }),
    );
    this.fn.addEnvironment('USER_POOL_ID', pool.userPoolId);
    // Only the inviting function learns who the first administrator is; without the setting it invites nobody.
    if (actions.includes('AdminCreateUser') && props.adminEmail)
      this.fn.addEnvironment('ADMIN_EMAIL', props.adminEmail);
  }
}

function describe(def: FunctionDef): string {
  const routes = Object.values(def.routes ?? {}).map(routeKeyOf);
  const triggers = [
    ...(routes.length ? [`${routes.length} routes (${routes.join(', ')})`] : []),
    ...(def.schedule ? [`scheduled ${def.schedule.expression}`] : []),
    ...(def.stream ? ['table stream'] : []),
  ];
  return `Parcours ${def.name}: ${triggers.join('; ')}`;
}
