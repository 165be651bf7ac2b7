/**
 * Outages answered and healed, on a stack of its own (persisted in a temporary folder, as `npm start` runs it):
 * DynamoDB Local killed in the middle of a burst of enrolments — every answer is a 201 or a 503 with Retry-After
 * (never a 500), `/health` says the database is down, the supervisor restarts it, the stream poller resumes, and
 * every enrolment acknowledged with a 201 is still there. The SES sink killed: `/health` says mail is down, and it
 * comes back by itself. And the stack is private: only DynamoDB Local listens beyond loopback (it cannot bind to
 * one address), and its data is unreachable without the per-machine access key.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functions } from '../../functions/routes.ts';
import { type LocalStack, seedContent, startLocalStack } from '../../packages/local/src/index.ts';
import { LOCAL_REGION, localCredentials } from '../../packages/local/src/local-env.ts';
import { eventually } from './support/local.ts';

let stack: LocalStack;
let dir: string;

beforeAll(async () => {
  // With the default budget (3 s) the store rides through a restart of DynamoDB Local that fast: requests wait and
  // succeed. A short budget here makes this outage outlast it, so the refusals (503) are what gets tested.
  process.env['STORE_RETRY_BUDGET_MS'] = '300';
  dir = mkdtempSync(join(tmpdir(), 'parcours-outage-'));
  stack = await startLocalStack(functions, {
    dataDir: dir,
    schedules: false,
    seed: async () => void (await seedContent()),
  });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Health = { status: string; dependencies: { database: string; mail: string } };

async function get<T>(path: string, token?: string): Promise<{ status: number; body: T; headers: Headers }> {
  const r = await fetch(
    `${stack.apiUrl}${path}`,
    token ? { headers: { authorization: `Bearer ${token}` } } : {},
  );
  return { status: r.status, headers: r.headers, body: (await r.json()) as T };
}

/** Polls with the suite's one helper (no stream to drain: this stack is not the shared one); throws at the deadline. */
async function until<T>(
  read: () => Promise<T>,
  done: (v: T) => boolean,
  what: string,
  ms = 120_000,
): Promise<T> {
  const safe = () => read().catch(() => undefined);
  const v = await eventually(safe, (x) => x !== undefined && done(x), {
    timeoutMs: ms,
    intervalMs: 100,
    drain: false,
  });
  if (v === undefined || !done(v))
    throw new Error(`${what}: not reached in ${ms} ms (last: ${JSON.stringify(v)})`);
  return v;
}

const health = () => get<Health>('/health');

describe('outages: answered, then healed without anyone restarting anything', () => {
  it('DynamoDB Local killed mid-load: 201 or 503 + Retry-After, /health says so, it comes back, every 201 is kept', {
    timeout: 240_000,
  }, async () => {
    const lab = await stack.tokens.tokenFor({ userId: 'outage-lab', roles: ['lab'] });
    const start = new Date(Date.now() + 30 * 86_400_000);
    const created = await fetch(`${stack.apiUrl}/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${lab}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        moduleId: 'intelligence-collective',
        pathId: 'passinnov',
        start: start.toISOString(),
        end: new Date(start.getTime() + 90 * 60_000).toISOString(),
        siteId: 'a-distance',
        roomId: 'classe-virtuelle',
        capacity: 30,
        facilitators: [],
      }),
    });
    expect(created.status).toBe(201);
    const session = (await created.json()) as { id: string };

    const learners = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => ({
        id: `outage-learner-${i}`,
        token: await stack.tokens.tokenFor({ userId: `outage-learner-${i}`, roles: ['learner'] }),
      })),
    );
    const enrol = async (l: { token: string }) => {
      const r = await fetch(`${stack.apiUrl}/sessions/${session.id}/enrolments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${l.token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      return { status: r.status, retryAfter: r.headers.get('retry-after'), body: (await r.json()) as never };
    };

    // Enrolments one after another; the database dies in the middle of them.
    const answers: {
      id: string;
      status: number;
      retryAfter: string | null;
      body: { error?: { code: string } };
    }[] = [];
    const load = (async () => {
      for (const l of learners) {
        answers.push({ id: l.id, ...(await enrol(l)) });
      }
    })();
    await until(
      async () => answers.length,
      (n) => n >= 10,
      'first enrolments',
    );
    const [dynamoPid] = stack.pids;
    process.kill(dynamoPid!, 'SIGKILL');
    const down = await until(health, (h) => h.status === 503, 'health reports the database down', 30_000);
    expect(down.body).toMatchObject({ status: 'down', dependencies: { database: 'down' } });
    await load;

    // The kill landed in the middle: some enrolments acknowledged before, some refused during the outage.
    expect(answers.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(10);
    expect(answers.some((a) => a.status === 503)).toBe(true);
    for (const a of answers) {
      expect([201, 503], `${a.id}: ${a.status} ${JSON.stringify(a.body)}`).toContain(a.status);
      if (a.status === 503) {
        expect(a.retryAfter).toMatch(/^\d+$/);
        expect(a.body.error?.code).toBe('service-unavailable');
      }
    }

    // Healed by the supervisor, nobody restarting anything.
    const up = await until(health, (h) => h.status === 200, 'health back');
    expect(up.body.dependencies.database).toBe('ok');
    expect(stack.pids[0]).not.toBe(dynamoPid);

    // Everything acknowledged is there; the refused ones succeed on retry (idempotent: no duplicate).
    for (const a of answers.filter((x) => x.status !== 201)) {
      const l = learners.find((x) => x.id === a.id)!;
      const again = await enrol(l);
      expect([200, 201], JSON.stringify(again.body)).toContain(again.status);
    }
    const list = await get<{ items: { learnerId: string; status: string }[] }>(
      `/sessions/${session.id}/enrolments`,
      lab,
    );
    const listed = new Set(list.body.items.map((e) => e.learnerId));
    for (const a of answers.filter((x) => x.status === 201)) expect(listed.has(a.id), a.id).toBe(true);
    expect(listed.size).toBe(learners.length);
    const s = await get<{ enrolledCount: number; waitlistLength: number }>(`/sessions/${session.id}`, lab);
    expect(s.body.enrolledCount + s.body.waitlistLength).toBe(learners.length);

    // The stream poller resumed from its checkpoint: what was written after the restart is projected.
    // A deadline on the consumer's own "caught up" signal (it never resolves while the poller is stuck).
    const drained = await Promise.race([
      stack.streamDrained().then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 60_000)),
    ]);
    expect(drained, 'the stream poller caught up after the restart').toBe(true);
  });

  it('the SES sink killed: /health says mail is down (the API still answers), and it comes back by itself', {
    timeout: 120_000,
  }, async () => {
    await until(health, (h) => h.body.status === 'ok', 'healthy first');
    const sesPid = stack.pids[1]!;
    process.kill(sesPid, 'SIGKILL');
    const degraded = await until(
      health,
      (h) => h.body.dependencies.mail === 'down',
      'mail reported down',
      30_000,
    );
    expect(degraded.status).toBe(200);
    expect(degraded.body.status).toBe('degraded');
    const back = await until(health, (h) => h.body.status === 'ok', 'mail back');
    expect(back.body.dependencies.mail).toBe('ok');
    expect(stack.pids[1]).not.toBe(sesPid);
  });
});

/** Listening TCP sockets of this machine: port → local addresses (from /proc/net/tcp and tcp6). */
function listeners(): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.trim().split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (state !== '0A' || !local) continue; // 0A = LISTEN
      const [addrHex, portHex] = local.split(':');
      const port = Number.parseInt(portHex!, 16);
      out.set(port, [...(out.get(port) ?? []), addrHex!]);
    }
  }
  return out;
}
const LOOPBACK = new Set(['0100007F', '00000000000000000000000001000000']);
const portOf = (url: string) => Number(new URL(url).port);

describe('the local stack is private', () => {
  it('the API and the SES sink listen on loopback only', () => {
    const l = listeners();
    for (const url of [stack.apiUrl, stack.sesUrl]) {
      const addrs = l.get(portOf(url)) ?? [];
      expect(addrs.length, url).toBeGreaterThan(0);
      for (const a of addrs) expect(LOOPBACK.has(a), `${url} listens on ${a}`).toBe(true);
    }
  });

  it('DynamoDB Local (which cannot bind to loopback) shows nothing without the per-machine key', async () => {
    const key = localCredentials().accessKeyId;
    expect(key).toMatch(/^local[0-9a-f]{24}$/);
    expect(key).not.toBe('parcourslocal');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    const host = external ?? '127.0.0.1';
    const endpoint = `http://${host}:${portOf(stack.dynamoEndpoint)}`;
    const as = async (accessKeyId: string) => {
      const c = new DynamoDBClient({
        region: LOCAL_REGION,
        endpoint,
        credentials: { accessKeyId, secretAccessKey: 'x' },
      });
      try {
        return (await c.send(new ListTablesCommand({}))).TableNames ?? [];
      } finally {
        c.destroy();
      }
    };
    expect(await as('parcourslocal')).toEqual([]);
    expect(await as('AKIAIOSFODNN7EXAMPLE')).toEqual([]);
    expect(await as(key)).toContain('parcours-local');
  });
});
