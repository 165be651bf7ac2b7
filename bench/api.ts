/**
 * `npm run bench:api`: bursts against the embedded stack (the same handlers behind the local adapter, DynamoDB
 * Local, the stream consumer), on the demo programme (content + demo sessions created through the API):
 *
 *   1. `GET /sessions` as a learner, one request at a time (what a user feels; on AWS each Lambda serves one request
 *      at a time, so this is also the per-request cost there);
 *   2. 500 concurrent `GET /sessions`;
 *   3. 200 concurrent single-Statement `POST /xapi/statements`;
 *   4. 100 concurrent enrolments into one 20-seat session (then checks 20 enrolled, 80 waitlisted).
 *
 * Prints req/s, p50/p99 and errors for each. DynamoDB Local is one JVM on this machine: compare runs of this
 * script on the same machine, not with AWS.
 *
 *   npm run bench:api [-- --sessions 500] [-- --statements 200] [-- --enrolments 100]
 */

import { randomUUID } from 'node:crypto';
import { ensureDemoLrsClient } from '../functions/lrs/clients.ts';
import { functions } from '../functions/routes.ts';
import { loadDemoData } from '../packages/local/src/demo-data.ts';
import { seedContent, startLocalStack } from '../packages/local/src/index.ts';
import { transferDemoSettled } from '../packages/local/src/transfer-demo.ts';
import { createRemoteSession } from './remote-session.ts';

const args = process.argv.slice(2);
const arg = (flag: string, dflt: number) => {
  const i = args.indexOf(flag);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};

interface Burst {
  name: string;
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** `requests` calls, `concurrency` at a time; a call "fails" when `fn` resolves false or throws. */
async function burst(
  name: string,
  requests: number,
  concurrency: number,
  fn: (i: number) => Promise<boolean>,
): Promise<Burst> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, requests) }, async () => {
      while (next < requests) {
        const i = next++;
        const t = performance.now();
        const ok = await fn(i).catch(() => false);
        latencies.push(performance.now() - t);
        if (!ok) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { name, requests, seconds, p50: pct(latencies, 50), p99: pct(latencies, 99), errors };
}

const stack = await startLocalStack(functions, {
  schedules: false,
  seed: async () => void (await seedContent()),
});
try {
  process.stdout.write('Demo programme through the API… ');
  const demo = await loadDemoData(stack.apiUrl, stack.tokens);
  // The demo's background part (trainer ladders through the projection) must not run during the measures.
  await transferDemoSettled();
  await stack.streamDrained();
  console.log(`${demo.created} sessions.`);
  const learner = await stack.tokens.tokenFor({
    userId: 'bench-learner',
    roles: ['learner'],
    service: 'drfip',
  });
  const lab = await stack.tokens.tokenFor({ userId: 'bench-lab', roles: ['lab'] });
  const creds = await ensureDemoLrsClient();
  const basic = `Basic ${Buffer.from(`${creds.key}:${creds.secret}`).toString('base64')}`;

  let pageBytes = 0;
  const listSessions = async () => {
    const r = await fetch(`${stack.apiUrl}/sessions`, { headers: { authorization: `Bearer ${learner}` } });
    const body = await r.arrayBuffer();
    pageBytes = body.byteLength;
    return r.status === 200;
  };
  const statement = () => ({
    actor: {
      objectType: 'Agent',
      account: { homePage: 'https://parcours.example.gouv.fr', name: randomUUID() },
    },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'fr-FR': 'a découvert' } },
    object: {
      objectType: 'Activity',
      id: `https://parcours.example.gouv.fr/xapi/activities/${randomUUID()}`,
    },
  });
  const postStatement = async () => {
    const r = await fetch(`${stack.apiUrl}/xapi/statements`, {
      method: 'POST',
      headers: {
        authorization: basic,
        'x-experience-api-version': '1.0.3',
        'content-type': 'application/json',
      },
      body: JSON.stringify(statement()),
    });
    await r.arrayBuffer();
    return r.status === 200;
  };

  process.stdout.write('Warming up (JVM, connections)… ');
  await burst('warm-up sessions', 300, 4, listSessions);
  await burst('warm-up statements', 300, 4, postStatement);
  console.log('done.');

  const results: Burst[] = [];
  results.push(await burst('GET /sessions, one at a time', 200, 1, listSessions));
  results.push(
    await burst(
      `${arg('--sessions', 500)} × GET /sessions at once`,
      arg('--sessions', 500),
      500,
      listSessions,
    ),
  );
  results.push(
    await burst(
      `${arg('--statements', 200)} × POST statement at once`,
      arg('--statements', 200),
      200,
      postStatement,
    ),
  );

  // One 20-seat session a week ahead; each enrolment is a different learner.
  const start = new Date(Date.now() + 7 * 86_400_000);
  start.setUTCHours(23, 0, 0, 0);
  const sessionId = await createRemoteSession(stack.apiUrl, lab, { start, capacity: 20 });
  const enrolments = arg('--enrolments', 100);
  const tokens = await Promise.all(
    Array.from({ length: enrolments }, (_, i) =>
      stack.tokens.tokenFor({ userId: `bench-enrol-${i}`, roles: ['learner'], service: 'drfip' }),
    ),
  );
  results.push(
    await burst(`${enrolments} × enrolment into one 20-seat session`, enrolments, enrolments, async (i) => {
      const r = await fetch(`${stack.apiUrl}/sessions/${sessionId}/enrolments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' },
        body: '{}',
      });
      await r.arrayBuffer();
      return r.status === 201;
    }),
  );
  const after = (await (
    await fetch(`${stack.apiUrl}/sessions/${sessionId}`, { headers: { authorization: `Bearer ${lab}` } })
  ).json()) as { enrolledCount: number; waitlistLength: number };

  console.log(`\nGET /sessions page: ${(pageBytes / 1024).toFixed(1)} KB\n`);
  console.log('| burst | requests | total s | req/s | p50 ms | p99 ms | errors |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.requests} | ${r.seconds.toFixed(2)} | ${(r.requests / r.seconds).toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} |`,
    );
  }
  console.log(`\nEnrolment burst: ${after.enrolledCount} enrolled, ${after.waitlistLength} waitlisted.`);
} finally {
  await stack.stop();
}
