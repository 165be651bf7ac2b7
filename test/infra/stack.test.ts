import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROLES } from '@parcours/domain/roles';
import { type FunctionDef, TABLE_WRITE_ACTIONS } from '@parcours/http/route-types';
import { TABLE } from '@parcours/store/table';
import type { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functions } from '../../functions/routes.ts';
import { needsLinkSigningSecret, type ParcoursFunction } from '../../infra/constructs/parcours-function.ts';
import {
  actionsOf,
  type CfnResourceJson,
  type InspectedStack,
  inspectStack,
  statementsIn,
} from './inspect.ts';
import { removeSynthesized, synthParcours } from './synth.ts';

// The validator is CommonJS (WebAssembly inside): load it the CommonJS way.
const require = createRequire(import.meta.url);
const cfnValidate: typeof import('@aws/cloudformation-validate') = require('@aws/cloudformation-validate');

let stack: Stack;
let template: Template;
let resources: Record<string, CfnResourceJson>;
let outdir: string;
let inspected: InspectedStack;

beforeAll(() => {
  const synth = synthParcours();
  stack = synth.stack;
  outdir = synth.outdir;
  inspected = inspectStack(stack);
  ({ template, resources } = inspected);
});

afterAll(removeSynthesized);

const ofType = (type: string) => inspected.ofType(type);
const logicalId = (c: IConstruct) => inspected.logicalId(c);
const constructOf = (def: FunctionDef) => inspected.constructOf(def);
const envOf = (pf: ParcoursFunction) => inspected.envOf(pf);
const statementsOf = (pf: ParcoursFunction) => inspected.statementsOf(pf);

describe('table', () => {
  it('has the keys, indexes, TTL and stream of packages/store TABLE, and cannot be lost', () => {
    expect(ofType('AWS::DynamoDB::GlobalTable')).toHaveLength(1);
    expect(ofType('AWS::DynamoDB::Table')).toHaveLength(0);
    const key = (hash: string, range: string) => [
      { AttributeName: hash, KeyType: 'HASH' },
      { AttributeName: range, KeyType: 'RANGE' },
    ];
    const indexes = Object.values(TABLE.indexes);
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: key(TABLE.partitionKey, TABLE.sortKey),
        AttributeDefinitions: Match.arrayWith(
          [TABLE.partitionKey, TABLE.sortKey, ...indexes.flatMap((i) => [i.partitionKey, i.sortKey])].map(
            (name) => ({ AttributeName: name, AttributeType: 'S' }),
          ),
        ),
        GlobalSecondaryIndexes: indexes.map((i) => ({
          IndexName: i.name,
          KeySchema: key(i.partitionKey, i.sortKey),
          Projection: { ProjectionType: 'ALL' },
        })),
        TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      },
    });
  });
});

describe('functions', () => {
  it('has exactly one Lambda per bounded context: nodejs24.x, arm64, traced, own log group', () => {
    // Six contexts serve the API (catalog, people, sessions, transfer, reports, lrs); the stream consumer and the
    // reminder tick run in the background. Not one per route: docs/architecture.md says why.
    expect(functions.map((f) => f.name)).toEqual([
      'catalog',
      'people',
      'sessions',
      'transfer',
      'reports',
      'lrs',
      'stream',
      'reminders',
      'seed',
    ]);
    // CDK's BucketDeployment provider (infra/constructs/web-hosting.ts) copies the web app and its Trigger provider
    // invokes the seed: not route-table functions.
    const lambdas = ofType('AWS::Lambda::Function').filter(
      ([id]) => !id.startsWith('CustomCDKBucketDeployment') && !id.startsWith('AWSCDKTrigger'),
    );
    expect(lambdas).toHaveLength(functions.length);
    const logGroups = new Set(ofType('AWS::Logs::LogGroup').map(([id]) => id));
    for (const [id, fn] of lambdas) {
      expect(fn.Properties, id).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        Environment: { Variables: expect.objectContaining({ NODE_OPTIONS: '--enable-source-maps' }) },
      });
      const logGroup = (fn.Properties?.['LoggingConfig'] as { LogGroup?: { Ref?: string } } | undefined)
        ?.LogGroup?.Ref;
      expect(logGroups.has(logGroup ?? ''), id).toBe(true);
    }
    for (const def of functions)
      expect(resources[logicalId(constructOf(def).fn)]?.Type).toBe('AWS::Lambda::Function');
  });

  it('gives every log group a retention', () => {
    const groups = ofType('AWS::Logs::LogGroup');
    expect(groups.length).toBe(functions.length + 2); // + API access logs + web deployment logs
    for (const [id, g] of groups) expect(g.Properties?.['RetentionInDays'], id).toBeGreaterThan(0);
  });

  it('derives environment and IAM together from FunctionDef.access: exactly the declared table actions', () => {
    for (const def of functions) {
      const pf = constructOf(def);
      const env = envOf(pf);
      const actions = new Set(statementsOf(pf).flatMap(actionsOf));
      const table = def.access.table;
      expect('TABLE_NAME' in env, def.name).toBe(table.length > 0);
      // The stream consumer's event source mapping adds the stream's own read actions (GetRecords…), not the table's.
      const tableActions = [...actions].filter(
        (a) => a.startsWith('dynamodb:') && !/Stream|Records|Shard/.test(a),
      );
      expect(tableActions.sort(), def.name).toEqual(table.map((a) => `dynamodb:${a}`).sort());
      expect('SES_FROM' in env, def.name).toBe(!!def.access.ses);
      expect('SES_FROM' in env, def.name).toBe(!!def.access.ses);
      expect(actions.has('ses:SendEmail'), def.name).toBe(!!def.access.ses);
      expect(env['PUBLIC_URL'], def.name).toBeDefined();
    }
  });

  it('grants the role mirror and the seed exactly their user pool actions, on the one pool, and nobody else any', () => {
    const declaring = functions.filter((f) => (f.access.userPool ?? []).length > 0).map((f) => f.name);
    expect(declaring.sort()).toEqual(['seed', 'stream']);
    const [[poolId] = []] = ofType('AWS::Cognito::UserPool');
    for (const def of functions) {
      const pf = constructOf(def);
      const cognito = statementsOf(pf).filter((s) => actionsOf(s).some((a) => a.startsWith('cognito-idp:')));
      const declared = def.access.userPool ?? [];
      expect('USER_POOL_ID' in envOf(pf), def.name).toBe(declared.length > 0);
      if (declared.length === 0) {
        expect(cognito, def.name).toEqual([]);
        continue;
      }
      expect(envOf(pf)['USER_POOL_ID'], def.name).toEqual({ Ref: poolId });
      // One statement: exactly the declared actions, on the pool's ARN alone.
      expect(cognito, def.name).toHaveLength(1);
      expect(actionsOf(cognito[0]!).sort(), def.name).toEqual(declared.map((a) => `cognito-idp:${a}`).sort());
      expect(cognito[0]?.Resource, def.name).toEqual({ 'Fn::GetAtt': [poolId, 'Arn'] });
    }
    // Nothing in the stack (CDK's own providers included) holds a user pool action on '*'.
    const everywhere = ofType('AWS::IAM::Policy')
      .flatMap(([, p]) => statementsIn(p))
      .filter((s) => actionsOf(s).some((a) => a.startsWith('cognito-idp:')));
    expect(everywhere).toHaveLength(2);
    for (const s of everywhere) expect(JSON.stringify(s.Resource)).not.toContain('*');
  });

  it('keeps the seed insert-only, and mail sending in the reminder tick alone', () => {
    const seed = functions.find((f) => f.name === 'seed');
    const writes = new Set<string>(TABLE_WRITE_ACTIONS.map((a) => `dynamodb:${a}`));
    const granted = statementsOf(constructOf(seed!)).flatMap(actionsOf);
    // Conditional puts and the revision counter: it cannot delete or batch-overwrite what the lab changed.
    expect(granted.filter((a) => writes.has(a)).sort()).toEqual(['dynamodb:PutItem', 'dynamodb:UpdateItem']);
    expect(functions.filter((f) => f.access.ses).map((f) => f.name)).toEqual(['reminders']);
    expect(functions.filter((f) => f.access.table.includes('Scan')).map((f) => f.name)).toEqual([]);
  });

  it('scopes SES permissions to the configured identity and sender', () => {
    const all = ofType('AWS::IAM::Policy')
      .flatMap(([, p]) => statementsIn(p))
      .filter((s) => actionsOf(s).some((a) => a.startsWith('ses:')));
    // The /health mail probe: reading the account only (no resource-level scoping exists for it), nothing else.
    const probes = all.filter((s) => actionsOf(s).includes('ses:GetAccount'));
    expect(probes.length).toBe(functions.filter((f) => f.access.mailProbe).length);
    for (const p of probes) expect(actionsOf(p)).toEqual(['ses:GetAccount']);
    const sesStatements = all.filter((s) => !probes.includes(s));
    expect(sesStatements.length).toBe(functions.filter((f) => f.access.ses).length);
    for (const s of sesStatements) {
      expect(JSON.stringify(s.Resource)).not.toContain('*');
      expect(JSON.stringify(s.Resource)).toContain(':identity/formation.example.gouv.fr');
      expect(s.Condition?.['StringEquals']?.['ses:FromAddress']).toBe('parcours@formation.example.gouv.fr');
    }
  });

  it('gives the link-signing key from Secrets Manager to senders and link verifiers, and nobody else', () => {
    for (const def of functions) {
      const env = envOf(constructOf(def));
      const key = JSON.stringify(env['LINK_SIGNING_SECRET'] ?? null);
      if (needsLinkSigningSecret(def))
        expect(key, def.name).toMatch(/resolve:secretsmanager:.*:SecretString:key::/);
      else expect(key, def.name).toBe('null');
    }
    expect(functions.filter((f) => f.access.ses).every(needsLinkSigningSecret)).toBe(true);
    expect(ofType('AWS::SecretsManager::Secret')).toHaveLength(1);
    // No role reads the secret: CloudFormation resolves it at deployment.
    const actions = ofType('AWS::IAM::Policy').flatMap(([, p]) => statementsIn(p).flatMap(actionsOf));
    expect(actions.filter((a) => a.startsWith('secretsmanager:'))).toEqual([]);
  });

  it('names the SES configuration set, in the environment and the policy, when one is configured', () => {
    const synth = synthParcours({ context: { sesConfigurationSet: 'parcours-events' } });
    const t = Template.fromStack(synth.stack);
    t.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ SES_CONFIGURATION_SET: 'parcours-events' }) },
    });
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'ses:SendEmail',
            Resource: Match.arrayWith([
              Match.objectLike({
                'Fn::Join': [
                  '',
                  Match.arrayWith([Match.stringLikeRegexp(':configuration-set/parcours-events$')]),
                ],
              }),
            ]),
          }),
        ]),
      },
    });
  });

  it('seeds the programme itself on deploy: a Trigger invokes the seed function once the table exists', () => {
    const seeds = functions.filter((f) => f.afterDeploy);
    expect(seeds.map((f) => f.name)).toEqual(['seed']);
    const triggers = ofType('Custom::Trigger');
    expect(triggers).toHaveLength(1);
    const [id, trigger] = triggers[0]!;
    // It invokes a published version of the seed function (a new version, a new run: seeding after code changes).
    const versionId = (trigger.Properties?.['HandlerArn'] as { Ref?: string } | undefined)?.Ref ?? '';
    expect(resources[versionId]).toMatchObject({
      Type: 'AWS::Lambda::Version',
      Properties: { FunctionName: { Ref: logicalId(constructOf(seeds[0]!).fn) } },
    });
    // After the table: its DependsOn names the table's resource.
    const depends = (template.toJSON()['Resources'][id] as { DependsOn?: string[] }).DependsOn ?? [];
    const tableId = ofType('AWS::DynamoDB::GlobalTable')[0]?.[0] ?? ofType('AWS::DynamoDB::Table')[0]?.[0];
    expect(depends).toContain(tableId);
    // …and before the functions that serve the API: a first deployment never answers from an unseeded table.
    const sessions = functions.find((f) => f.name === 'sessions')!;
    const sessionsFn = template.toJSON()['Resources'][logicalId(constructOf(sessions).fn)] as {
      DependsOn?: string[];
    };
    expect(sessionsFn.DependsOn ?? []).toContain(id);
  });

  it('invokes each scheduled function from EventBridge Scheduler with its expression', () => {
    const scheduled = functions.filter((f) => f.schedule);
    expect(ofType('AWS::Scheduler::Schedule')).toHaveLength(scheduled.length);
    for (const def of scheduled) {
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: def.schedule?.expression,
        State: 'ENABLED',
        Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalId(constructOf(def).fn), 'Arn'] } }),
      });
    }
  });

  it('feeds the table stream to each stream function with partial failures and a TLS-only failure queue', () => {
    const consumers = functions.filter((f) => f.stream);
    expect(ofType('AWS::Lambda::EventSourceMapping')).toHaveLength(consumers.length);
    for (const def of consumers) {
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: logicalId(constructOf(def).fn) },
        EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DataTable'), 'StreamArn'] },
        BatchSize: def.stream?.batchSize,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: Match.anyValue(),
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } } },
      });
    }
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('user pool', () => {
  it('has one group per role, the scope and identity attributes, no self sign-up, MFA and threat protection', () => {
    for (const role of ROLES)
      template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: role });
    expect(ofType('AWS::Cognito::UserPoolGroup')).toHaveLength(ROLES.length);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      Schema: Match.arrayWith(
        ['service', 'hr_services', 'pc_uid', 'siret', 'org_unit'].map((name) =>
          Match.objectLike({ Name: name, AttributeDataType: 'String', Mutable: true }),
        ),
      ),
      MfaConfiguration: 'ON',
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });

  it('lets users read but never write their scope attributes (nor, without ProConnect, the identity ones)', () => {
    const [[, client] = []] = ofType('AWS::Cognito::UserPoolClient');
    expect(client?.Properties?.['ReadAttributes']).toEqual(
      expect.arrayContaining(['custom:service', 'custom:hr_services', 'custom:pc_uid', 'custom:siret']),
    );
    expect(JSON.stringify(client?.Properties?.['WriteAttributes'])).not.toContain('custom:');
  });
});

describe('stack', () => {
  it('outputs what the front end and operators need', () => {
    for (const name of ['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'TableName', 'HostedUiUrl', 'ProConnect'])
      template.hasOutput(name, {});
  });

  it('leaves no cdk-nag AwsSolutions finding unacknowledged, and no CDK warning', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(
      report.violations.map(
        (v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath ?? r.resourceLogicalId)}`,
      ),
    ).toEqual([]);
    // The plugin registered by infra/app.ts ran during synth too: its report holds no failing plugin.
    const written = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: unknown[];
    };
    expect(written.pluginReports).toEqual([]);
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
  });

  it('passes CloudFormation schema validation', () => {
    const validator = new cfnValidate.SchemaValidator();
    try {
      const diagnostics = validator.validate(
        new cfnValidate.TemplateFile(join(outdir, `${stack.artifactId}.template.json`)),
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
