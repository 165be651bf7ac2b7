import { spawnSync } from 'node:child_process';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { parseCsv } from '@parcours/domain/reports/csv';
import { describe, expect, inject, it } from 'vitest';
import { call, tokenFor, uniqueId } from './support/client.ts';
import { createSession, lab } from './support/fixtures.ts';
import { drainStream, runFunction } from './support/local.ts';
import { type Agent, agentIn, deliver, downloadExport, eventually } from './support/reports.ts';
import { tableClient } from './support/table.ts';

type Export = {
  userId: string;
  profile: { email?: string } | null;
  enrolments: { sessionId: string; status: string }[];
  notifications: unknown[];
  xapiStatements: { verb: { id: string }; actor: { account?: { name: string } } }[];
};

const until = <T>(fn: () => Promise<T>, ok: (v: T) => boolean) => eventually(fn, ok, { timeoutMs: 30_000 });

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
    // A newcomer to a path: their catch-up message lives in their own notification partition.
    expect((await call('POST', '/me/paths/formation-action-referents', { token })).status).toBeLessThan(300);
    await drainStream();
    const mine = await call<Export>('GET', '/me/data-export', { token });
    expect(mine.body.notifications.map((n) => (n as { kind: string }).kind)).toContain('newcomer-catch-up');
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
    const left = await tableClient().send(
      new QueryCommand({
        TableName: 'parcours-local',
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `person#${id}#notifications#all` },
      }),
    );
    expect(left.Items).toEqual([]);

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

describe('data protection: erasure and the HR reports', () => {
  // `drac` is used by no other test file, so the counts below are exact.
  type Row = { learnerId: string; name: string; modulesCompleted: unknown[] };
  type Page = { items: Row[]; nextCursor?: string };
  type Services = {
    items: { serviceId: string; agents: number; missingEntryAgents: { learnerId: string }[] }[];
    total: { agents: number; missingEntryAgents: unknown[] };
  };
  type Paths = { items: Record<string, unknown>[] };
  const ids = (p: Page) => (p.items ?? []).map((r) => r.learnerId);

  const agentsPage = async (query: string) =>
    call<Page>('GET', `/reports/agents?${query}`, { token: await lab() });
  /** The services matrix of `drac` (aggregates only: the sample of agents missing the entry module is a listing). */
  const servicesAggregates = async () => {
    const r = await call<Services>('GET', '/reports/services?service=drac', { token: await lab() });
    expect(r.status, r.text).toBe(200);
    const strip = <T extends { missingEntryAgents?: unknown }>({ missingEntryAgents: _m, ...rest }: T) =>
      rest;
    return JSON.stringify({ items: r.body.items.map(strip), total: strip(r.body.total) });
  };
  /** Path figures of `drac` (satisfaction is all-services: other test files may add responses meanwhile). */
  const pathAggregates = async () => {
    const r = await call<Paths>('GET', '/reports/paths?service=drac&path=passinnov&granularity=total', {
      token: await lab(),
    });
    expect(r.status, r.text).toBe(200);
    return JSON.stringify(r.body.items.map(({ satisfaction: _s, ...rest }) => rest));
  };
  /** A CSV export of the agents report (every part), parsed; `filters` as on screen. */
  const exportCsv = async (filters?: Record<string, unknown>) => {
    const token = await lab();
    let view = await call<{ id: string; status: string; parts: { url: string }[]; continueUrl?: string }>(
      'POST',
      '/reports/exports',
      { token, body: { report: 'agents', format: 'csv', ...(filters ? { filters } : {}) } },
    );
    expect(view.status, view.text).toBe(201);
    while (view.body.status === 'running') view = await call('POST', view.body.continueUrl!, { token });
    expect(view.body.status).toBe('ready');
    const text = await downloadExport(token, view.body);
    return { text, rows: parseCsv(text) };
  };

  it('removes the erased person from every HR report and listing, keeps the aggregates, and never writes them back', {
    timeout: 300_000,
  }, async () => {
    const labT = await lab();
    // x completes the entry module (4 listings: drac and every service, by name and by activity); w misses it
    // (also in both "missing the entry module" listings: 6); y stays.
    const [x, w, y] = (await Promise.all([
      agentIn('drac', 'Xavière Effacée'),
      agentIn('drac', 'Aabel Effacé'),
      agentIn('drac', 'Yann Gardé'),
    ])) as [Agent, Agent, Agent];
    await deliver([
      {
        moduleId: 'intelligence-collective',
        learners: [
          [x, 'present'],
          [w, 'partial'],
          [y, 'absent'],
        ],
      },
    ]);

    // Before: everyone is visible everywhere.
    const listed = await eventually(
      () => agentsPage('service=drac&sort=name'),
      (r) => r.body.items?.find((a) => a.learnerId === x.id)?.modulesCompleted.length === 1,
      { timeoutMs: 60_000 },
    );
    expect(ids(listed.body)).toEqual([w.id, x.id, y.id]);
    const everyone = await agentsPage('sort=-activity&limit=1000');
    expect(ids(everyone.body)).toEqual(expect.arrayContaining([x.id, w.id, y.id]));
    expect(ids((await agentsPage('service=drac&missingEntry=true')).body)).toEqual([w.id, y.id]);
    expect(ids((await agentsPage('missingEntry=true&limit=1000')).body)).toEqual(
      expect.arrayContaining([w.id, y.id]),
    );
    for (const p of [x, w]) {
      expect((await call('GET', `/reports/agents/${p.id}`, { token: labT })).status).toBe(200);
    }
    const services = await eventually(
      () => call<Services>('GET', '/reports/services?service=drac', { token: labT }),
      (r) => r.body.items?.[0]?.agents === 3,
    );
    expect(services.body.items[0]!.missingEntryAgents.map((a) => a.learnerId)).toEqual([w.id, y.id]);
    const servicesBefore = await servicesAggregates();
    const pathsBefore = await pathAggregates();
    expect(pathsBefore).toContain('"enrolments":3');
    const csvBefore = await exportCsv({ service: 'drac' });
    const idColumn = csvBefore.rows[0]!.indexOf('Identifiant');
    expect(csvBefore.rows.slice(1).map((r) => r[idColumn])).toEqual([w.id, x.id, y.id]);
    expect(csvBefore.text).toContain('Xavière Effacée');
    // A late stream record of x's profile, captured now (it is deleted by the erasure), replayed afterwards.
    const profile = await tableClient().send(
      new GetCommand({ TableName: 'parcours-local', Key: { pk: `user#${x.id}`, sk: 'profile' } }),
    );
    expect(profile.Item).toBeDefined();

    // Erase x and w; a retried erasure succeeds and removes nothing more.
    for (const p of [x, w]) {
      const r = await call<{ counts: Record<string, number> }>('POST', `/people/${p.id}/erasure`, {
        token: labT,
        body: { reason: 'demande RGPD' },
      });
      expect(r.status, r.text).toBe(200);
      expect(r.body.counts['reportRowsDeleted']).toBe(1);
    }
    const retried = await call<{ counts: Record<string, number> }>('POST', `/people/${x.id}/erasure`, {
      token: labT,
      body: {},
    });
    expect(retried.status).toBe(200);
    expect(retried.body.counts['reportRowsDeleted']).toBe(0);
    await drainStream();

    const assertGone = async () => {
      for (const p of [x, w]) {
        const one = await call<{ error: { code: string } }>('GET', `/reports/agents/${p.id}`, {
          token: labT,
        });
        expect(one.status).toBe(404);
        const row = await tableClient().send(
          new GetCommand({ TableName: 'parcours-local', Key: { pk: `report-agent#${p.id}`, sk: 'row' } }),
        );
        expect(row.Item).toBeUndefined();
      }
      expect(ids((await agentsPage('service=drac&sort=name')).body)).toEqual([y.id]);
      expect(ids((await agentsPage('service=drac&sort=-activity')).body)).toEqual([y.id]);
      expect(ids((await agentsPage('service=drac&missingEntry=true')).body)).toEqual([y.id]);
      for (const q of ['sort=-activity&limit=1000', 'sort=name&limit=1000', 'missingEntry=true&limit=1000']) {
        const page = ids((await agentsPage(q)).body);
        expect(page, q).not.toContain(x.id);
        expect(page, q).not.toContain(w.id);
      }
      const sample = await call<Services>('GET', '/reports/services?service=drac', { token: labT });
      expect(sample.body.items[0]!.missingEntryAgents.map((a) => a.learnerId)).toEqual([y.id]);
      // Aggregates unchanged: an erased agent stays counted, anonymously.
      const agg = await eventually(servicesAggregates, (v) => v === servicesBefore);
      expect(agg).toBe(servicesBefore);
      expect(await pathAggregates()).toBe(pathsBefore);
      // Exports: neither the service's nor the lab's whole export names them.
      for (const csv of [await exportCsv({ service: 'drac' }), await exportCsv()]) {
        for (const p of [x, w]) {
          expect(csv.text).not.toContain(p.id);
          expect(csv.text).not.toContain(p.name);
        }
      }
      expect((await exportCsv({ service: 'drac' })).rows.slice(1).map((r) => r[idColumn])).toEqual([y.id]);
    };
    await assertGone();

    // Later changes do not bring them back: late stream records of x (the profile captured before the erasure,
    // and a change of each remaining learner record), then the Query-based rebuild of both learners.
    const { marshall } = await import('@aws-sdk/util-dynamodb');
    const records: unknown[] = [
      {
        eventName: 'INSERT',
        dynamodb: {
          SequenceNumber: `8${Date.now()}0000`,
          NewImage: marshall(profile.Item!, { removeUndefinedValues: true }),
        },
      },
    ];
    for (const p of [x, w]) {
      const own = await tableClient().send(
        new QueryCommand({
          TableName: 'parcours-local',
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `user#${p.id}` },
        }),
      );
      for (const it of own.Items ?? []) {
        if (it['entity'] !== 'booking' && it['entity'] !== 'completion') continue;
        records.push({
          eventName: 'MODIFY',
          dynamodb: {
            SequenceNumber: `8${Date.now()}${String(records.length).padStart(4, '0')}`,
            NewImage: marshall(it, { removeUndefinedValues: true }),
            OldImage: marshall(
              { ...it, status: 'enrolled', moduleId: 'design-thinking' },
              { removeUndefinedValues: true },
            ),
          },
        });
      }
    }
    expect(records.length).toBeGreaterThanOrEqual(4);
    const replayed = await runFunction<{ batchItemFailures: unknown[] }>('stream', {
      Records: records,
    });
    expect(replayed.batchItemFailures).toEqual([]);
    const rebuilt = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'functions/reports/rebuild-cli.ts',
        '--learners',
        `${x.id},${w.id},${y.id}`,
        '--endpoint',
        inject('dynamoEndpoint'),
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toContain('"erased":2');
    await drainStream();
    await assertGone();
  });
});
