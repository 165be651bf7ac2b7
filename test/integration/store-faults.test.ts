import type { FaultLog, FaultRule } from '@parcours/store/faults';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from './support/client.ts';
import { createSession, lab, learner } from './support/fixtures.ts';
import { drainStream, mailFor } from './support/local.ts';
import { lrs, statement } from './support/lrs.ts';
import { enrol, notificationsOf, person, tick, tickUntilIdle } from './support/notifications.ts';

/**
 * The table's bad days, which DynamoDB Local never has: throttling, transaction conflicts, 500s and batch leftovers
 * injected into the store's client (local route `/_local/faults`, store/faults.ts) at chosen calls. What must hold:
 * retries finish the work, and when they cannot, the caller is told (503), never handed half an answer or half a
 * write. Runs alone (integration-exclusive): faults apply to the whole process's table client.
 */

async function inject(rules: FaultRule[]): Promise<void> {
  const r = await call('POST', '/_local/faults', { body: { rules } });
  expect(r.status, r.text).toBe(200);
}

async function clear(): Promise<FaultLog> {
  return (await call<FaultLog>('POST', '/_local/faults/clear')).body;
}

afterEach(async () => {
  await clear();
});

type Export = { userId: string; enrolments: { sessionId: string }[] } & Record<string, unknown>;

describe('store faults', { timeout: 120_000 }, () => {
  it('an RGPD export under batch leftovers is complete, or fails loudly — never partial', async () => {
    const { id, token } = await learner('faults-export');
    // The entry module first, then two à-la-carte modules in later sessions (the path's prerequisite rule).
    const sessions = [
      await createSession(),
      await createSession({ moduleId: 'design-thinking' }),
      await createSession({ moduleId: 'creativite' }),
    ];
    for (const s of sessions) {
      const r = await call('POST', `/sessions/${s.id}/enrolments`, { token, body: {} });
      expect(r.status).toBe(201);
    }
    await drainStream(); // the notifications the enrolments planned are part of the export
    const clean = await call<Export>('GET', '/me/data-export', { token });
    expect(clean.status).toBe(200);
    expect(clean.body.enrolments).toHaveLength(3);

    // Leftovers a few times: retried until every key is read.
    await inject([{ command: 'BatchGetCommand', fault: 'unprocessed', times: 4, match: id }]);
    const retried = await call<Export>('GET', '/me/data-export', { token });
    expect((await clear()).injected[0]).toBeGreaterThan(0);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({ ...clean.body, exportedAt: retried.body['exportedAt'] });

    // Leftovers that never end: the export fails with a 503, it is not handed over incomplete.
    await inject([{ command: 'BatchGetCommand', fault: 'unprocessed', match: id }]);
    const failed = await call('GET', '/me/data-export', { token });
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).not.toBeNull();
    expect(failed.body).toMatchObject({ error: { code: 'service-unavailable' } });
  });

  it('an enrolment race under transaction conflicts ends with exactly the capacity enrolled and a FIFO waitlist', async () => {
    const session = await createSession({ capacity: 3 });
    const people = await Promise.all(Array.from({ length: 10 }, () => learner('faults-race')));
    await inject([
      { command: 'TransactWriteCommand', fault: 'transaction-conflict', times: 25, match: session.id },
    ]);
    const answers = await Promise.all(
      people.map((p) =>
        call<{ status: string }>('POST', `/sessions/${session.id}/enrolments`, { token: p.token, body: {} }),
      ),
    );
    expect((await clear()).injected[0]).toBeGreaterThan(0);
    expect(answers.map((a) => a.status)).toEqual(people.map(() => 201));
    const statuses = answers.map((a) => a.body.status);
    expect(statuses.filter((s) => s === 'enrolled')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(7);

    const after = await call<{ enrolledCount: number; waitlistLength: number }>(
      'GET',
      `/sessions/${session.id}`,
      {
        token: await lab(),
      },
    );
    expect(after.body).toMatchObject({ enrolledCount: 3, waitlistLength: 7 });
    // Waitlist positions: 1..7, each once (FIFO order by arrival ticket is what positions count).
    const positions = await Promise.all(
      people.map(async (p) => {
        const mine = await call<{
          items: { sessionId: string; status: string; waitlistPosition?: number }[];
        }>('GET', '/me/enrolments', { token: p.token });
        return mine.body.items.find((e) => e.sessionId === session.id)?.waitlistPosition;
      }),
    );
    expect(positions.filter((x) => x !== undefined).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('a Statement batch under throttling is stored whole, or not at all', async () => {
    const marker = `https://example.org/faults/${Date.now()}`;
    const batch = Array.from({ length: 5 }, (_, i) =>
      statement({ id: crypto.randomUUID(), object: { objectType: 'Activity', id: `${marker}/${i}` } }),
    );
    const found = async (b: Record<string, unknown>[]) =>
      Promise.all(
        b.map(
          async (s) => (await lrs('GET', '/statements', { query: { statementId: String(s['id']) } })).status,
        ),
      );

    // Throttled for good: 503, and none of the five is stored.
    await inject([{ command: '*', fault: 'throttling', match: marker }]);
    const refused = await lrs('POST', '/statements', { json: batch });
    expect((await clear()).injected[0]).toBeGreaterThan(0);
    expect(refused.status).toBe(503);
    expect(await found(batch)).toEqual(batch.map(() => 404));

    // Throttled a few times: retried, all five stored.
    await inject([{ command: '*', fault: 'provisioned-throughput', times: 3, match: marker }]);
    const stored = await lrs<string[]>('POST', '/statements', { json: batch });
    expect((await clear()).injected[0]).toBeGreaterThan(0);
    expect(stored.status, stored.text).toBe(200);
    expect(await found(batch)).toEqual(batch.map(() => 200));

    // The service failing (500s) past the retry budget: 503, not one of a new batch is there afterwards.
    const lost = batch.map((s) => ({ ...s, id: crypto.randomUUID() }));
    await inject([{ command: '*', fault: 'server-error', match: marker }]);
    expect((await lrs('POST', '/statements', { json: lost })).status).toBe(503);
    await clear();
    expect(await found(lost)).toEqual(lost.map(() => 404));
  });

  it('a reminder tick under throttling neither loses nor duplicates a message', async () => {
    const lea = await person({ name: 'Léa Dubois' });
    const session = await createSession();
    const e = await enrol(lea, session.id);
    await drainStream();

    // Every table call of the tick throttled a few times over: the tick's calls are retried, one mail goes out.
    await inject([{ command: '*', fault: 'throttling', times: 12 }]);
    await tick().catch(() => undefined);
    expect((await clear()).injected[0]).toBeGreaterThan(0);
    await tickUntilIdle();
    expect(await mailFor(lea.email)).toHaveLength(1);

    // Reading what is due throttled for good: that tick sends nothing; the next one sends it, once.
    const max = await person({ name: 'Max Martin' });
    const e2 = await enrol(max, session.id);
    await drainStream();
    await inject([{ command: 'QueryCommand', fault: 'throttling' }]);
    await tick().catch(() => undefined);
    await clear();
    expect(await mailFor(max.email)).toHaveLength(0);
    await tickUntilIdle();
    expect(await mailFor(max.email)).toHaveLength(1);
    expect(await mailFor(lea.email)).toHaveLength(1);
    for (const id of [e.id, e2.id]) {
      const confirmation = (await notificationsOf(id)).find((n) => n.kind === 'enrolment-confirmed');
      expect(confirmation?.status).toBe('sent');
    }

    // The "sent" mark throttled right after SES accepted the message: retried, so the record says sent and no later
    // tick sends it again.
    const zoe = await person({ name: 'Zoé Petit' });
    const e3 = await enrol(zoe, session.id);
    await drainStream();
    await inject([{ command: 'UpdateCommand', fault: 'throttling', times: 3, match: 'sesMessageId = :mid' }]);
    await tick().catch(() => undefined);
    expect((await clear()).injected[0]).toBeGreaterThan(0);
    await tickUntilIdle();
    expect(await mailFor(zoe.email)).toHaveLength(1);
    expect((await notificationsOf(e3.id)).find((n) => n.kind === 'enrolment-confirmed')?.status).toBe('sent');
  });
});
