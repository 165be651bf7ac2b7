/**
 * `npm run bench:ingest`: Statement ingest through the LRS's HTTP API (local adapter → xapi handler → DynamoDB Local)
 * next to the raw write ceiling of the same DynamoDB Local: the same items, written directly with the SDK with the
 * same operation (a conditional Put for one Statement, one TransactWriteItems for a batch) at the same concurrency.
 * Starts its own in-memory stack; the stream projection runs in both phases (raw items carry the same "unindexed"
 * marker, so the projection does the same work), and the stream is drained between phases.
 *
 *   npm run bench:ingest [-- --requests 300] [-- --batches 40]
 *
 * DynamoDB Local is one JVM on this machine: read the ratio, not the absolute numbers, as the finding (AWS scales
 * with partitions, not with one process).
 */
import { randomUUID } from 'node:crypto';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
// The raw phase bypasses the store's gateway on purpose: it measures the table's own ceiling.
import { documentClient, tableName } from '@parcours/store/client';
import { statementItem } from '@parcours/store/xapi-statements';
import { agentKey, assignLrsProperties, type Statement } from '@parcours/xapi';
import { ensureDemoLrsClient } from '../functions/lrs/clients.ts';
import { functions } from '../functions/routes.ts';
import { credentialAuthority } from '../functions/shared/statement-authority.ts';
import { startLocalStack } from '../packages/local/src/local-stack.ts';

const args = process.argv.slice(2);
const arg = (flag: string, dflt: number) => {
  const i = args.indexOf(flag);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const SINGLE_REQUESTS = arg('--requests', 400);
const BATCH_REQUESTS = arg('--batches', 40);
const BATCH = 50;

function makeStatement(): Statement {
  const id = randomUUID();
  return {
    id,
    actor: {
      objectType: 'Agent',
      name: 'Bench Learner',
      account: { homePage: 'https://parcours.example.gouv.fr', name: `u-${id.slice(0, 8)}` },
    },
    verb: {
      id: 'http://adlnet.gov/expapi/verbs/completed',
      display: { 'en-US': 'completed', 'fr-FR': 'a achevé' },
    },
    object: {
      objectType: 'Activity',
      id: 'https://parcours.example.gouv.fr/xapi/activities/module/intelligence-collective',
      definition: {
        name: { 'fr-FR': 'Intelligence collective', 'en-US': 'Collective intelligence' },
        type: 'http://adlnet.gov/expapi/activities/module',
      },
    },
    result: { completion: true, success: true, duration: 'PT1H30M' },
    context: {
      registration: randomUUID(),
      platform: 'Parcours',
      contextActivities: {
        grouping: [
          { objectType: 'Activity', id: 'https://parcours.example.gouv.fr/xapi/activities/path/passinnov' },
        ],
      },
    },
    timestamp: new Date().toISOString(),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

interface Run {
  statementsPerSecond: number;
  p50: number;
  p99: number;
}

/** Runs `requests` calls of `fn`, `concurrency` at a time; latency per call, throughput over the whole run. */
async function measure(
  requests: number,
  concurrency: number,
  perRequest: number,
  fn: () => Promise<void>,
): Promise<Run> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next++;
        const t = performance.now();
        await fn();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    statementsPerSecond: (requests * perRequest) / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

const stack = await startLocalStack(functions, { schedules: false });
try {
  const creds = await ensureDemoLrsClient();
  const auth = `Basic ${Buffer.from(`${creds.key}:${creds.secret}`).toString('base64')}`;
  const authority = credentialAuthority(creds.key, 'Démo locale');
  const url = `${stack.apiUrl}/xapi/statements`;

  const viaHttp = async (batch: Statement[]) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: auth,
        'x-experience-api-version': '1.0.3',
        'content-type': 'application/json',
      },
      body: JSON.stringify(batch.length === 1 ? batch[0] : batch),
    });
    if (res.status !== 200) throw new Error(`POST statements: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  // The items the LRS writes for these Statements, written straight to the table with the same operation.
  const raw = async (batch: Statement[]) => {
    const now = new Date();
    const items = batch.map((s, seq) => {
      const stored = assignLrsProperties(s, { now, authority });
      return statementItem({
        id: stored.id,
        doc: JSON.stringify(stored),
        stored: stored.stored,
        seq,
        authorityKey: agentKey(authority),
        canDefine: true,
      });
    });
    const put = (Item: (typeof items)[number]) => ({
      TableName: tableName(),
      Item,
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    if (items.length === 1) await documentClient().send(new PutCommand(put(items[0]!)));
    else
      await documentClient().send(
        new TransactWriteCommand({ TransactItems: items.map((i) => ({ Put: put(i) })) }),
      );
  };
  const batchOf = (n: number) => Array.from({ length: n }, makeStatement);

  process.stdout.write('Warming up (JVM, connections, scrypt cache)… ');
  await measure(600, 2, 1, () => viaHttp(batchOf(1)));
  await measure(600, 2, 1, () => raw(batchOf(1)));
  await measure(20, 2, BATCH, () => viaHttp(batchOf(BATCH)));
  await measure(20, 2, BATCH, () => raw(batchOf(BATCH)));
  await stack.streamDrained();
  console.log('done.\n');

  const rows: string[] = [];
  const fmt = (n: number, d = 0) => n.toFixed(d).padStart(8);
  console.log('batch  conc   HTTP st/s  p50 ms  p99 ms │  raw st/s  p50 ms  p99 ms │ HTTP/raw');
  for (const [batch, requests] of [
    [1, SINGLE_REQUESTS],
    [BATCH, BATCH_REQUESTS],
  ] as const) {
    for (const concurrency of [1, 4]) {
      const http = await measure(requests, concurrency, batch, () => viaHttp(batchOf(batch)));
      await stack.streamDrained();
      const direct = await measure(requests, concurrency, batch, () => raw(batchOf(batch)));
      await stack.streamDrained();
      const row = `${String(batch).padStart(5)}  ${String(concurrency).padStart(4)} ${fmt(http.statementsPerSecond)} ${fmt(http.p50, 1)} ${fmt(http.p99, 1)} │ ${fmt(direct.statementsPerSecond)} ${fmt(direct.p50, 1)} ${fmt(direct.p99, 1)} │ ${fmt((100 * http.statementsPerSecond) / direct.statementsPerSecond)} %`;
      rows.push(row);
      console.log(row);
    }
  }
  console.log('\nTargets: HTTP/raw ≥ 70 % at batch 50; HTTP p50 ≤ 5 ms at batch 1.');
} finally {
  await stack.stop();
}
process.exit(0);
