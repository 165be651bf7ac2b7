import { describe, expect, it } from 'vitest';
import { call, tokenFor, uniqueId } from './support/client.ts';
import { createSession, lab } from './support/fixtures.ts';

type Export = {
  userId: string;
  profile: { email?: string } | null;
  enrolments: { sessionId: string; status: string }[];
  notifications: unknown[];
  xapiStatements: { verb: { id: string }; actor: { account?: { name: string } } }[];
};

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe('data protection: export', () => {
  it('a learner exports their profile, enrolments and the xAPI statements about them', async () => {
    const id = uniqueId('rgpd');
    const token = await tokenFor({
      userId: id,
      roles: ['learner'],
      email: `${id}@drfip.example.gouv.fr`,
      service: 'drfip',
    });
    const s = await createSession();
    expect((await call('POST', `/sessions/${s.id}/enrolments`, { token, body: {} })).status).toBe(201);
    const r = await until(
      () => call<Export>('GET', '/me/data-export', { token }),
      (x) => x.body.xapiStatements?.length > 0,
    );
    expect(r.status).toBe(200);
    expect(r.body.userId).toBe(id);
    expect(r.body.profile?.email).toBe(`${id}@drfip.example.gouv.fr`);
    expect(r.body.enrolments.map((e) => e.sessionId)).toEqual([s.id]);
    expect(r.body.xapiStatements.every((st) => st.actor.account?.name === id)).toBe(true);
    expect(JSON.stringify(r.body)).not.toContain('"pk"');
  });

  it("the lab exports a person's data on request; nobody else can", async () => {
    const id = uniqueId('rgpd');
    const token = await tokenFor({ userId: id, roles: ['learner'] });
    await call('GET', '/me', { token });
    expect((await call<Export>('GET', `/people/${id}/data-export`, { token: await lab() })).body.userId).toBe(
      id,
    );
    expect((await call('GET', `/people/${id}/data-export`, { token })).status).toBe(403);
    const hr = await tokenFor({ userId: uniqueId('hr'), roles: ['hr'], hrServices: ['drfip'] });
    expect((await call('GET', `/people/${id}/data-export`, { token: hr })).status).toBe(403);
  });
});

describe('data protection: erasure', () => {
  it('erases a person: contact data gone, statements pseudonymized and unfindable, counts unchanged, logged', async () => {
    const { lrs } = await import('./support/lrs.ts');
    const { drainStream } = await import('./support/local.ts');
    const id = uniqueId('erase');
    const token = await tokenFor({
      userId: id,
      roles: ['learner'],
      email: `${id}@ars.example.gouv.fr`,
      service: 'ars',
    });
    const s = await createSession({ capacity: 5 });
    const other = await tokenFor({ userId: uniqueId('keep'), roles: ['learner'] });
    expect((await call('POST', `/sessions/${s.id}/enrolments`, { token, body: {} })).status).toBe(201);
    expect((await call('POST', `/sessions/${s.id}/enrolments`, { token: other, body: {} })).status).toBe(201);
    await drainStream();
    const agent = JSON.stringify({
      objectType: 'Agent',
      account: { homePage: 'https://parcours.example.gouv.fr', name: id },
    });
    const before = await lrs<{ statements: unknown[] }>('GET', '/statements', { query: { agent } });
    expect(before.body.statements.length).toBeGreaterThan(0);
    const activity = `https://parcours.example.gouv.fr/xapi/activities/session/${s.id}`;
    const bySessionBefore = await lrs<{ statements: unknown[] }>('GET', '/statements', {
      query: { activity, related_activities: 'true' },
    });

    const r = await call<{ status: string; counts: Record<string, number> }>(
      'POST',
      `/people/${id}/erasure`,
      { token: await lab(), body: { reason: 'demande du 21/11' } },
    );
    expect(r.status).toBe(200);
    expect(r.body.counts['statementsPseudonymized']).toBeGreaterThan(0);
    // Idempotent retry.
    expect((await call('POST', `/people/${id}/erasure`, { token: await lab(), body: {} })).status).toBe(200);
    await drainStream();

    const after = await lrs<{ statements: unknown[] }>('GET', '/statements', { query: { agent } });
    expect(after.body.statements).toEqual([]);
    const bySessionAfter = await lrs<{ statements: { actor: unknown }[] }>('GET', '/statements', {
      query: { activity, related_activities: 'true' },
    });
    expect(bySessionAfter.body.statements.length).toBe(bySessionBefore.body.statements.length);
    expect(JSON.stringify(bySessionAfter.body.statements)).not.toContain(id);

    const exported = await call<Export>('GET', `/people/${id}/data-export`, { token: await lab() });
    expect(exported.body.profile).toBeNull();
    expect(exported.body.xapiStatements).toEqual([]);
    expect(exported.body.notifications).toEqual([]);

    const session = await call<{ enrolledCount: number }>('GET', `/sessions/${s.id}`, { token: await lab() });
    expect(session.body.enrolledCount).toBe(2);

    const month = new Date().toISOString().slice(0, 7);
    const audit = await call<{ items: { entity: string; actor: string; action: string }[] }>(
      'GET',
      `/audit?month=${month}`,
      { token: await lab() },
    );
    const logged = audit.body.items.filter((e) => e.entity === 'erasure');
    expect(logged.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit.body)).not.toContain(id);
  });
});
