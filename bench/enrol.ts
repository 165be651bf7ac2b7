/**
 * `npm run bench:enrol`: a hot session. Registration opens and a whole network clicks at once: 200 learners
 * (different people) send `POST /sessions/{id}/enrolments` at the same moment to one 20-seat session, through the
 * local adapter → handler → DynamoDB Local. Prints, per round, the total time, p50/p99 latency, the store's retries
 * (conflicts re-read and re-tried) and checks the outcome: exactly the capacity enrolled, every other learner on the
 * waitlist once, in FIFO (arrival-ticket) order. The learners have signed in before (their profile exists), as
 * people do when they open the app to watch registration open. A floor line shows what DynamoDB Local alone takes
 * for as many single-item transactions.
 *
 *   npm run bench:enrol [-- --learners 200] [-- --capacity 20] [-- --rounds 3]
 *
 * DynamoDB Local is one JVM on this machine: compare runs of this script on the same machine, not with AWS.
 */

import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { storeMetrics } from '@parcours/store';
import { documentClient, tableName } from '@parcours/store/client';
import { listSessionEnrolments, waitlistOrder } from '@parcours/store/enrolment-repo';
import { functions } from '../functions/routes.ts';
import { seedContent, startLocalStack } from '../packages/local/src/index.ts';
import { createRemoteSession } from './remote-session.ts';

const args = process.argv.slice(2);
const arg = (flag: string, dflt: number) => {
  const i = args.indexOf(flag);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const LEARNERS = arg('--learners', 200);
const CAPACITY = arg('--capacity', 20);
const ROUNDS = arg('--rounds', 3);

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

const stack = await startLocalStack(functions, {
  schedules: false,
  seed: async () => void (await seedContent()),
});
try {
  const lab = await stack.tokens.tokenFor({ userId: 'bench-lab', roles: ['lab'] });
  const createSession = async (round: number) => {
    const start = new Date(Date.now() + (7 + round) * 86_400_000);
    start.setUTCHours(8, 0, 0, 0);
    return createRemoteSession(stack.apiUrl, lab, { start, capacity: CAPACITY });
  };
  const enrolAll = async (sessionId: string, tokens: string[]) => {
    const latencies: number[] = [];
    let errors = 0;
    const started = performance.now();
    await Promise.all(
      tokens.map(async (token) => {
        const t = performance.now();
        const r = await fetch(`${stack.apiUrl}/sessions/${sessionId}/enrolments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: '{}',
        }).catch(() => undefined);
        await r?.arrayBuffer();
        latencies.push(performance.now() - t);
        if (r?.status !== 201) errors++;
      }),
    );
    latencies.sort((a, b) => a - b);
    return { seconds: (performance.now() - started) / 1000, latencies, errors };
  };

  // The learners opened the app before registration opened (their profile exists, as after any sign-in).
  const signedIn = async (userId: string) => {
    const token = await stack.tokens.tokenFor({ userId, roles: ['learner'], service: 'drfip' });
    const r = await fetch(`${stack.apiUrl}/me/profile`, { headers: { authorization: `Bearer ${token}` } });
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`profile of ${userId}: ${r.status}`);
    return token;
  };
  const people = async (prefix: string, n: number) => {
    const tokens: string[] = [];
    for (let i = 0; i < n; i += 20)
      tokens.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(20, n - i) }, (_, j) => signedIn(`${prefix}-${i + j}`)),
        )),
      );
    return tokens;
  };

  // Warm-up: the JVM's JIT, connections, code paths (a full round on another session, not measured).
  await enrolAll(await createSession(-1), await people('warm', LEARNERS));

  // The table's floor on this machine: the same number of single-item transactions, all at once, straight to
  // DynamoDB Local (no HTTP, no rules, no conflicts). An enrolment is one transaction plus a few reads.
  const floor = await (async () => {
    const started = performance.now();
    await Promise.all(
      Array.from({ length: LEARNERS }, (_, i) =>
        documentClient().send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName(),
                  Item: { pk: `bench#floor#${i}`, sk: 'floor', entity: 'bench' },
                },
              },
            ],
          }),
        ),
      ),
    );
    return (performance.now() - started) / 1000;
  })();

  const rows: string[] = [];
  const totals: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const sessionId = await createSession(round);
    const tokens = await people(`hot-${round}`, LEARNERS);
    const before = storeMetrics();
    const r = await enrolAll(sessionId, tokens);
    const after = storeMetrics();
    const retries = after.retries - before.retries;
    // Every table call of the process during the burst (the stream consumer's projections included).
    const calls = after.calls - before.calls;

    const enrolments = await listSessionEnrolments(sessionId);
    const enrolled = enrolments.filter((e) => e.status === 'enrolled');
    const waitlisted = enrolments.filter((e) => e.status === 'waitlisted');
    const queue = await waitlistOrder(sessionId);
    const fifo =
      queue.every((q, i) => i === 0 || queue[i - 1]!.ticket < q.ticket) &&
      new Set(queue.map((q) => q.learnerId)).size === queue.length &&
      queue.length === waitlisted.length &&
      waitlisted.every((w) => queue.some((q) => q.learnerId === w.learnerId && q.ticket === w.ticket));
    const ok = enrolled.length === CAPACITY && enrolments.length === LEARNERS && fifo && r.errors === 0;
    totals.push(r.seconds);
    rows.push(
      `| ${round + 1} | ${LEARNERS} | ${r.seconds.toFixed(2)} | ${pct(r.latencies, 50).toFixed(0)} | ${pct(r.latencies, 99).toFixed(0)} | ${retries} | ${(calls / LEARNERS).toFixed(1)} | ${r.errors} | ${enrolled.length} / ${waitlisted.length} | ${ok ? 'yes' : 'NO'} |`,
    );
  }
  console.log(`\n${LEARNERS} concurrent enrolments into one ${CAPACITY}-seat session\n`);
  console.log(
    '| round | requests | total s | p50 ms | p99 ms | retries | table calls / enrolment | errors | enrolled / waitlisted | exact & FIFO |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  totals.sort((a, b) => a - b);
  console.log(`\nMedian total: ${pct(totals, 50).toFixed(2)} s`);
  console.log(
    `Floor: ${LEARNERS} single-item transactions at once, straight to DynamoDB Local: ${floor.toFixed(2)} s`,
  );
} finally {
  await stack.stop();
}
