import { spawnSync } from 'node:child_process';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { parseCsv } from '@parcours/domain/reports/csv';
import { frDate } from '@parcours/domain/reports/paris-time';
import { describe, expect, inject, it } from 'vitest';
import { call, tokenFor, uniqueId } from './support/client.ts';
import { createSession, lab } from './support/fixtures.ts';
import { drainStream, runFunction } from './support/local.ts';
import { type Agent, agentIn, deliver, downloadExport, eventually, rawGet } from './support/reports.ts';
import { tableClient } from './support/table.ts';

/**
 * HR reports against data built through the API (sessions by the lab, enrolments with tokens carrying a service,
 * attendance, evaluations), read back after the stream projection. Each test uses services no other test file uses
 * (dreal, draaf, drjscs, rectorat, ddi), so counts are exact.
 */

type Row = {
  learnerId: string;
  name: string;
  service: string;
  competencies: { competencyId: string; level: string }[];
  modulesCompleted: { moduleId: string; completedAt: string }[];
  sessions: Record<string, number>;
  paths: {
    pathId: string;
    status: string;
    entryModule: string;
    electivesCompleted: number;
    completedAt?: string;
  }[];
  entryModuleCompleted: boolean;
  lastActivity?: string;
};
type Page = { items: Row[]; nextCursor?: string };
type ErrorBody = { error: { code: string } };

const hrFor = (services: string[]) =>
  tokenFor({ userId: uniqueId('hr'), roles: ['hr'], hrServices: services });
const ids = (p: Page) => p.items.map((r) => r.learnerId);

async function agents(token: string, query: string) {
  return call<Page>('GET', `/reports/agents?${query}`, { token });
}

describe('agents report', () => {
  let a: Agent;
  let b: Agent;
  let c: Agent;
  let sessions: { id: string; end: string }[];

  it('shows competencies with level and evidence, sessions and path status, per agent', {
    timeout: 120_000,
  }, async () => {
    [a, b, c] = await Promise.all([
      agentIn('dreal', 'Zoé Martin'),
      agentIn('dreal', 'Dupont; "Jean" =1+1'),
      agentIn('dreal', 'Ève\nNouvelle'),
    ]);
    sessions = await deliver([
      {
        moduleId: 'intelligence-collective',
        learners: [
          [a, 'present'],
          [b, 'partial'],
          [c, 'absent'],
        ],
      },
      { moduleId: 'design-thinking', learners: [[a, 'present']] },
    ]);
    const hr = await hrFor(['dreal']);
    const page = await eventually(
      () => agents(hr, 'service=dreal'),
      (r) => r.body.items?.find((x) => x.learnerId === a.id)?.modulesCompleted.length === 2,
    );
    expect(page.status).toBe(200);
    const rowA = page.body.items.find((x) => x.learnerId === a.id)!;
    expect(rowA).toMatchObject({ name: 'Zoé Martin', service: 'dreal', entryModuleCompleted: true });
    expect(rowA.competencies).toEqual([
      { competencyId: 'collective-intelligence', level: 'discover' },
      { competencyId: 'facilitation', level: 'discover' },
      { competencyId: 'prototyping', level: 'discover' },
      { competencyId: 'user-centred-design', level: 'practise' },
    ]);
    expect(rowA.modulesCompleted.map((m) => [m.moduleId, m.completedAt])).toEqual([
      ['intelligence-collective', sessions[0]!.end],
      ['design-thinking', sessions[1]!.end],
    ]);
    expect(rowA.sessions).toMatchObject({ attended: 2, partial: 0, noShow: 0 });
    expect(rowA.paths).toEqual([
      expect.objectContaining({
        pathId: 'passinnov',
        status: 'in-progress',
        entryModule: 'completed',
        electivesCompleted: 1,
      }),
    ]);
    const rowB = page.body.items.find((x) => x.learnerId === b.id)!;
    expect(rowB).toMatchObject({ entryModuleCompleted: false, competencies: [] });
    expect(rowB.sessions).toMatchObject({ partial: 1 });
    expect(page.body.items.find((x) => x.learnerId === c.id)!.sessions).toMatchObject({ noShow: 1 });

    // The detail carries the evidence: which module, which session, when.
    const detail = await call<{
      competencies: {
        competencyId: string;
        evidence: { moduleId: string; sessionId: string; completedAt: string }[];
      }[];
      sessionHistory: { sessionId: string; status: string }[];
    }>('GET', `/reports/agents/${a.id}`, { token: hr });
    expect(detail.status).toBe(200);
    expect(detail.body.competencies.find((x) => x.competencyId === 'user-centred-design')!.evidence).toEqual([
      { moduleId: 'design-thinking', sessionId: sessions[1]!.id, completedAt: sessions[1]!.end },
    ]);
    expect(detail.body.sessionHistory.map((s) => [s.sessionId, s.status])).toEqual([
      [sessions[0]!.id, 'attended'],
      [sessions[1]!.id, 'attended'],
    ]);
  });

  it('sorts by name or activity, both ways, and pages with stable cursors', async () => {
    const hr = await hrFor(['dreal']);
    const byName = await agents(hr, 'service=dreal&sort=name');
    expect(ids(byName.body)).toEqual([b.id, c.id, a.id]); // dupont, eve, zoe (accents folded)
    expect(ids((await agents(hr, 'service=dreal&sort=-name')).body)).toEqual([a.id, c.id, b.id]);
    const byActivity = await agents(hr, 'service=dreal&sort=-activity');
    expect(byActivity.body.items[0]!.learnerId).toBe(a.id); // completed the last module

    // One row per page: every agent exactly once, in order.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const r = await agents(hr, `service=dreal&sort=name&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status).toBe(200);
      seen.push(...ids(r.body));
      cursor = r.body.nextCursor;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual([b.id, c.id, a.id]);

    // A cursor belongs to its query: reused with other filters or order, it is refused.
    const first = await agents(hr, 'service=dreal&sort=name&limit=1');
    const reused = await call<ErrorBody>(
      'GET',
      `/reports/agents?service=dreal&sort=-name&limit=1&cursor=${first.body.nextCursor}`,
      { token: hr },
    );
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe('invalid-cursor');
    // A page boundary is a position: a new agent sorting before it does not shift the next page.
    const late = await agentIn('dreal', 'Aaron Premier');
    await eventually(
      () => agents(hr, 'service=dreal'),
      (r) => ids(r.body).includes(late.id),
    );
    const next = await agents(hr, `service=dreal&sort=name&limit=1&cursor=${first.body.nextCursor}`);
    expect(ids(next.body)).toEqual([c.id]);
  });

  it('filters by competency and level, path, period, and missing entry module', async () => {
    const hr = await hrFor(['dreal']);
    const today = new Date().toISOString().slice(0, 10);
    expect(ids((await agents(hr, 'competency=user-centred-design&minLevel=practise')).body)).toEqual([a.id]);
    expect(ids((await agents(hr, 'competency=user-centred-design&minLevel=master')).body)).toEqual([]);
    expect(ids((await agents(hr, 'path=passinnov&sort=name')).body)).toEqual([b.id, c.id, a.id]);
    expect(ids((await agents(hr, 'path=formation-action-referents')).body)).toEqual([]);
    expect(ids((await agents(hr, `from=${today}&to=${today}`)).body)).toEqual([a.id]);
    expect(ids((await agents(hr, 'from=2020-01-01&to=2020-12-31')).body)).toEqual([]);
    const missing = await agents(hr, 'missingEntry=true');
    expect(ids(missing.body)).toContain(b.id);
    expect(ids(missing.body)).toContain(c.id);
    expect(ids(missing.body)).not.toContain(a.id);
    const bad = await call<ErrorBody>('GET', '/reports/agents?competency=unknown-one', { token: hr });
    expect(bad.status).toBe(400);
    expect((await call('GET', '/reports/agents?from=2026-02-01&to=2026-01-01', { token: hr })).status).toBe(
      400,
    );
    expect((await call('GET', '/reports/agents?missingEntry=true&sort=activity', { token: hr })).status).toBe(
      400,
    );
  });

  it('exports the page as CSV for French Excel, which parses back (BOM, ;, dd/mm/yyyy, quoting)', async () => {
    const hr = await hrFor(['dreal']);
    const raw = await rawGet('/reports/agents?service=dreal&sort=name&format=csv', hr);
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(raw.headers.get('content-disposition')).toMatch(
      /^attachment; filename="parcours-agents-\d{8}\.csv"$/,
    );
    expect([...raw.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const r = { text: raw.bytes.toString('utf8') };
    expect(r.text).toContain('\r\n');
    // The name with `;`, quotes and a formula start is quoted, quotes doubled, formula neutralised.
    expect(r.text).toContain(`"Dupont; ""Jean"" =1+1"`);
    expect(r.text).toContain('"Ève\nNouvelle"');
    const rows = parseCsv(r.text);
    const header = rows[0]!;
    expect(header.slice(0, 4)).toEqual(['Service', 'Identifiant', 'Nom', 'E-mail']);
    const col = (name: string) => header.indexOf(name);
    const byId = new Map(rows.slice(1).map((x) => [x[col('Identifiant')]!, x]));
    expect(byId.get(b.id)![col('Nom')]).toBe('Dupont; "Jean" =1+1');
    expect(byId.get(c.id)![col('Nom')]).toBe('Ève\nNouvelle');
    const rowA = byId.get(a.id)!;
    expect(rowA[col('Service')]).toBe('DREAL');
    expect(rowA[col('Compétence : Conception centrée sur les usagers')]).toBe('Pratique');
    expect(rowA[col('Compétence : Intelligence collective')]).toBe('Découverte');
    expect(rowA[col('Modules terminés')]).toBe(
      `Intelligence collective (${frDate(sessions[0]!.end)}); Design thinking : partir des usagers (${frDate(sessions[1]!.end)})`,
    );
    expect(rowA[col('Dernière activité')]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(rowA[col("Module d'entrée suivi (Intelligence collective)")]).toBe('oui');
    expect(rowA[col('Parcours : PassInnov')]).toBe("en cours : module d'entrée suivi, 1/3 modules au choix");
    expect(byId.get(c.id)![col('Absences')]).toBe('1');
  });
});

describe('services report', () => {
  it('counts agents per competency and level, coverage against the targets, and who misses the entry module', {
    timeout: 120_000,
  }, async () => {
    const people = await Promise.all(
      ['Anne', 'Bruno', 'Chloé', 'Driss'].map((n) => agentIn('draaf', `${n} Draaf`)),
    );
    const [p1, p2, p3, p4] = people as [Agent, Agent, Agent, Agent];
    await deliver([
      {
        moduleId: 'intelligence-collective',
        learners: [
          [p1, 'present'],
          [p2, 'present'],
          [p3, 'present'],
          [p4, 'absent'],
        ],
      },
      { moduleId: 'facilitation', pathId: 'formation-action-referents', learners: [[p1, 'present']] },
    ]);
    const hr = await hrFor(['draaf']);
    type Matrix = {
      items: {
        serviceId: string;
        agents: number;
        entryModule: { completed: number; missing: number; rate: number };
        competencies: {
          competencyId: string;
          levels: Record<string, number>;
          atLeast: Record<string, number>;
          target?: { level: string; share: number; agentsRequired: number };
          coverage?: { agents: number; rate: number; met: boolean; missingAgents: number };
        }[];
        missingEntryAgents: { learnerId: string }[];
      }[];
      total: { agents: number };
    };
    const r = await eventually(
      () => call<Matrix>('GET', '/reports/services?service=draaf', { token: hr }),
      (x) =>
        x.body.items?.[0]?.competencies.find((k) => k.competencyId === 'facilitation')?.levels['master'] ===
        1,
    );
    expect(r.status).toBe(200);
    const m = r.body.items[0]!;
    expect(m.agents).toBe(4);
    expect(m.entryModule).toMatchObject({ completed: 3, missing: 1, rate: 0.75 });
    expect(m.missingEntryAgents.map((x) => x.learnerId)).toEqual([p4.id]);
    const ci = m.competencies.find((k) => k.competencyId === 'collective-intelligence')!;
    // p1 practised it in the facilitation module (highest level counts once); p2, p3 discovered it.
    expect(ci.levels).toMatchObject({ discover: 2, practise: 1, master: 0 });
    expect(ci.atLeast).toMatchObject({ discover: 3, practise: 1 });
    expect(ci.target).toEqual({ level: 'discover', share: 0.8, agentsRequired: 4 });
    expect(ci.coverage).toEqual({ agents: 3, rate: 0.75, met: false, missingAgents: 1 });
    const fac = m.competencies.find((k) => k.competencyId === 'facilitation')!;
    expect(fac.levels).toMatchObject({ discover: 2, master: 1 });
    expect(fac.coverage).toMatchObject({ agents: 3, met: true });
    expect(r.body.total.agents).toBe(4);

    const one = await call<Matrix>('GET', '/reports/services?service=draaf&competency=facilitation', {
      token: hr,
    });
    expect(one.body.items[0]!.competencies.map((k) => k.competencyId)).toEqual(['facilitation']);
    const csv = await call('GET', '/reports/services?service=draaf&format=csv', { token: hr });
    const rows = parseCsv(csv.text);
    const line = rows.find((x) => x[0] === 'DRAAF' && x[4] === 'Intelligence collective')!;
    expect(line.slice(1, 4)).toEqual(['4', '3', '1']);
    expect(rows[0]![rows[0]!.indexOf('Couverture (%)')]).toBe('Couverture (%)');
    expect(line[rows[0]!.indexOf('Couverture (%)')]).toBe('75');
    // The lab sees it among all services.
    const all = await call<Matrix>('GET', '/reports/services', { token: await lab() });
    expect(all.body.items.find((x) => x.serviceId === 'draaf')!.agents).toBe(4);
  });
});

describe('paths report', () => {
  it('counts enrolments, completions, attendance and no-show rates per path and month, with satisfaction', {
    timeout: 120_000,
  }, async () => {
    const month = new Date(Date.now() + 3_600_000).toISOString().slice(0, 7);
    const q = `path=passinnov&service=drjscs&from=${month}&to=${month}`;
    type Paths = {
      items: {
        month?: string;
        enrolments: number;
        completions: number;
        partial: number;
        noShow: number;
        cancelled: number;
        attendanceRate: number | null;
        noShowRate: number | null;
        satisfaction: { responses: number; average: number | null; scope: string };
      }[];
    };
    const before = await call<Paths>('GET', `/reports/paths?${q}`, { token: await lab() });
    const satBefore = before.body.items[0]!.satisfaction;
    const people = await Promise.all(
      ['Paul', 'Quentin', 'Rose', 'Sarah', 'Tom'].map((n) => agentIn('drjscs', `${n} Drjscs`)),
    );
    const [u1, u2, u3, u4, u5] = people as [Agent, Agent, Agent, Agent, Agent];
    const [s] = await deliver([
      {
        moduleId: 'intelligence-collective',
        learners: [
          [u1, 'present'],
          [u2, 'present'],
          [u3, 'present'],
          [u4, 'partial'],
          [u5, 'absent'],
        ],
      },
    ]);
    const extra = await agentIn('drjscs', 'Ulysse Drjscs');
    await deliver([{ moduleId: 'intelligence-collective', learners: [], cancels: [extra] }]);
    // Satisfaction: two attendees answer.
    for (const [who, overall] of [
      [u1, 5],
      [u2, 4],
    ] as const) {
      const e = await call('PUT', `/sessions/${s!.id}/evaluation`, {
        token: who.token,
        body: { overall, objectives: [overall, overall, overall], recommend: true },
      });
      expect([200, 201], e.text).toContain(e.status);
    }
    const hr = await hrFor(['drjscs']);
    const r = await eventually(
      () => call<Paths>('GET', `/reports/paths?${q}`, { token: hr }),
      (x) =>
        x.body.items?.[0]?.cancelled === 1 &&
        x.body.items[0].satisfaction.responses >= satBefore.responses + 2,
    );
    expect(r.status).toBe(200);
    const row = r.body.items[0]!;
    expect(row.month).toBe(month);
    expect(row).toMatchObject({ enrolments: 5, completions: 3, partial: 1, noShow: 1, cancelled: 1 });
    expect(row.attendanceRate).toBeCloseTo(4 / 5);
    expect(row.noShowRate).toBeCloseTo(1 / 5);
    expect(row.satisfaction.scope).toBe('all-services');
    expect(row.satisfaction.responses - satBefore.responses).toBe(2);

    // Totals over a period, CSV with French decimals and dates.
    const total = await call<Paths>('GET', `/reports/paths?${q}&granularity=total`, { token: hr });
    expect(total.body.items[0]).toMatchObject({ enrolments: 5, completions: 3 });
    expect(total.body.items[0]!.month).toBeUndefined();
    const csv = parseCsv((await call('GET', `/reports/paths?${q}&format=csv`, { token: hr })).text);
    const h = csv[0]!;
    expect(csv[1]![h.indexOf('Parcours')]).toBe('PassInnov');
    expect(csv[1]![h.indexOf('Du')]).toBe(`01/${month.slice(5)}/${month.slice(0, 4)}`);
    expect(csv[1]![h.indexOf('Taux de présence (%)')]).toBe('80');
    expect(csv[1]![h.indexOf("Taux d'absence (%)")]).toBe('20');
  });
});

describe('exports', () => {
  it('builds a large CSV export in parts under the response limit; the parts concatenated are one Excel file', {
    timeout: 120_000,
  }, async () => {
    const labToken = await lab();
    await drainStream();
    // Small parts and one part per call, to exercise the multi-part and resumable path with the data at hand.
    let view = await call<{
      id: string;
      status: string;
      rows: number;
      parts: { url: string; rows: number }[];
      continueUrl?: string;
    }>('POST', '/reports/exports', {
      token: labToken,
      body: { report: 'agents', format: 'csv', partsPerCall: 1, partBytes: 2_000 },
    });
    expect(view.status, view.text).toBe(201);
    let calls = 1;
    while (view.body.status === 'running') {
      expect(view.body.continueUrl).toBe(`/reports/exports/${view.body.id}/continue`);
      view = await call('POST', view.body.continueUrl!, { token: labToken });
      expect(view.status).toBe(200);
      calls++;
    }
    expect(view.body.parts.length).toBeGreaterThan(1);
    expect(calls).toBe(view.body.parts.length);
    const text = await downloadExport(labToken, view.body);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.indexOf('\uFEFF', 1)).toBe(-1);
    const rows = parseCsv(text);
    expect(rows.filter((x) => x[1] === 'Identifiant')).toHaveLength(1);
    expect(rows.length - 1).toBe(view.body.rows);
    const header = rows[0]!;
    expect(rows.every((x) => x.length === header.length)).toBe(true);
    // Sorted by name across services, each agent once.
    const agentIds = rows.slice(1).map((x) => x[1]);
    expect(new Set(agentIds).size).toBe(agentIds.length);
    // gzip (what browsers ask for) and identity downloads carry the same bytes.
    const identity = await downloadExport(labToken, view.body, { 'accept-encoding': 'identity' });
    expect(identity).toBe(text);
    const raw = await fetch(`${inject('apiUrl')}${view.body.parts[0]!.url}`, {
      headers: { authorization: `Bearer ${labToken}`, 'accept-encoding': 'gzip' },
    });
    expect(raw.headers.get('content-encoding')).toBe('gzip');
  });

  it('exports JSON with the same filters and scope as the screen; exports are private to their author', async () => {
    const hr = await hrFor(['dreal', 'draaf']);
    const screen = await agents(hr, 'competency=collective-intelligence&sort=name&limit=1000');
    const created = await call<{ id: string; status: string; parts: { url: string }[] }>(
      'POST',
      '/reports/exports',
      {
        token: hr,
        body: {
          report: 'agents',
          format: 'json',
          filters: { competency: 'collective-intelligence' },
          sort: 'name',
        },
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('ready');
    const doc = JSON.parse(await downloadExport(hr, created.body)) as {
      report: string;
      services: string[];
      items: Row[];
    };
    expect(doc.report).toBe('agents');
    expect(doc.services).toEqual(['dreal', 'draaf']);
    expect(doc.items.map((x) => x.learnerId)).toEqual(ids(screen.body));
    expect(doc.items.every((x) => ['dreal', 'draaf'].includes(x.service))).toBe(true);

    const other = await hrFor(['dreal', 'draaf']);
    expect((await call('GET', `/reports/exports/${created.body.id}`, { token: other })).status).toBe(404);
    expect((await call('GET', created.body.parts[0]!.url, { token: other })).status).toBe(404);
    expect((await call('GET', `/reports/exports/${created.body.id}`, { token: await lab() })).status).toBe(
      200,
    );
    expect((await call('GET', `/reports/exports/${created.body.id}/parts/9`, { token: hr })).status).toBe(
      404,
    );

    for (const report of ['services', 'paths'] as const) {
      const e = await call<{ parts: { url: string }[] }>('POST', '/reports/exports', {
        token: hr,
        body: { report, format: 'csv' },
      });
      expect(e.status, e.text).toBe(201);
      const rows = parseCsv(await downloadExport(hr, e.body));
      expect(rows.length).toBeGreaterThan(1);
    }
    const outside = await call<ErrorBody>('POST', '/reports/exports', {
      token: hr,
      body: { report: 'agents', format: 'csv', filters: { service: 'drfip' } },
    });
    expect(outside.status).toBe(403);
  });
});

describe('scope rules, from every role', () => {
  const routes = ['/reports/agents', '/reports/services', '/reports/paths'];

  it('no token: 401; learner and trainer: 403; HR without services: 403', async () => {
    const learnerT = await tokenFor({ userId: uniqueId('l'), roles: ['learner'], service: 'dreal' });
    const trainerT = await tokenFor({ userId: uniqueId('t'), roles: ['trainer', 'learner'] });
    const hrNone = await tokenFor({ userId: uniqueId('hr'), roles: ['hr'] });
    for (const path of [...routes, '/reports/agents/someone']) {
      expect((await call('GET', path)).status).toBe(401);
      expect((await call('GET', path, { token: learnerT })).status).toBe(403);
      expect((await call('GET', path, { token: trainerT })).status).toBe(403);
    }
    for (const path of routes) {
      const r = await call<ErrorBody>('GET', path, { token: hrNone });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('no-hr-scope');
    }
    expect(
      (await call('POST', '/reports/exports', { body: { report: 'agents', format: 'csv' } })).status,
    ).toBe(401);
    expect(
      (await call('POST', '/reports/exports', { token: learnerT, body: { report: 'agents', format: 'csv' } }))
        .status,
    ).toBe(403);
  });

  it('HR see only their services: another service is refused, an agent outside is not found; the lab sees all', async () => {
    const insider = await agentIn('rectorat', 'Inès Rectorat');
    const outsider = await agentIn('ddi', 'Omar Ddi');
    const hr = await hrFor(['rectorat']);
    const labT = await lab();
    await eventually(
      () => agents(labT, 'service=rectorat,ddi'),
      (r) => r.body.items?.length === 2,
    );
    for (const path of routes) {
      const r = await call<ErrorBody>('GET', `${path}?service=ddi`, { token: hr });
      expect(r.status, path).toBe(403);
      expect(r.body.error.code).toBe('service-out-of-scope');
      expect((await call('GET', `${path}?service=rectorat,ddi`, { token: hr })).status).toBe(403);
    }
    expect(ids((await agents(hr, '')).body)).toEqual([insider.id]);
    expect((await call('GET', `/reports/agents/${insider.id}`, { token: hr })).status).toBe(200);
    expect((await call('GET', `/reports/agents/${outsider.id}`, { token: hr })).status).toBe(404);
    expect((await call('GET', `/reports/agents/${outsider.id}`, { token: labT })).status).toBe(200);
    const services = await call<{ items: { serviceId: string }[] }>('GET', '/reports/services', {
      token: hr,
    });
    expect(services.body.items.map((s) => s.serviceId)).toEqual(['rectorat']);
    const paths = await call<{ services: string[] }>('GET', '/reports/paths', { token: hr });
    expect(paths.body.services).toEqual(['rectorat']);
    // The lab, without a filter: every service; with one: that one.
    const all = await agents(labT, 'limit=1000');
    expect(ids(all.body)).toEqual(expect.arrayContaining([insider.id, outsider.id]));
    expect(ids((await agents(labT, 'service=ddi')).body)).toEqual([outsider.id]);
    expect((await call('GET', '/reports/agents?service=not-a-service', { token: labT })).status).toBe(400);
  });
});

describe('monthly summary', () => {
  it('records one summary per HR recipient of content/reports.json, once per month', async () => {
    const month = '2031-01';
    // The reports context's Lambda: an event without a route key is its monthly schedule.
    const first = await runFunction<{ created: number; existing: number; recipients: number }>('reports', {
      month,
    });
    expect(first.created).toBe(first.recipients);
    const again = await runFunction<{ created: number; existing: number }>('reports', {
      month,
    });
    expect(again).toMatchObject({ created: 0, existing: first.recipients });
    const items = await tableClient().send(
      new QueryCommand({
        TableName: 'parcours-local',
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `report-summary#${month}` },
      }),
    );
    const nadia = items.Items!.find((x) => x['recipientId'] === 'nadia-benali')!;
    expect(nadia).toMatchObject({
      entity: 'report-hr-summary',
      email: 'nadia.benali@sgar.example.gouv.fr',
      template: 'hr-monthly-summary',
      status: 'pending',
      services: ['drfip', 'ars', 'dreal'],
    });
    expect(nadia['vars'].summaryPeriod).toBe('janvier 2031');
    expect(nadia['vars'].firstName).toBe('Nadia');
    expect(nadia['vars'].summaryText).toContain('DREAL');
    expect(nadia['vars'].summaryText).toContain("module d'entrée");
  });
});

describe('projection robustness and recovery', () => {
  it('a replayed stream record changes nothing (at-least-once delivery counts once)', async () => {
    const hr = await hrFor(['draaf']);
    const before = await call('GET', '/reports/services?service=draaf', { token: hr });
    const paths = await call('GET', '/reports/paths?service=draaf&granularity=total', { token: hr });
    // Replay the draaf agents' records, as Lambda does after a partial batch failure: their bookings and completions
    // (with a different old image, so the projection recomputes) and their enrolments (as they are).
    const { marshall } = await import('@aws-sdk/util-dynamodb');
    const list = await agents(hr, 'service=draaf');
    const records: unknown[] = [];
    const record = (item: Record<string, unknown>, old: Record<string, unknown>) =>
      records.push({
        eventName: 'MODIFY',
        dynamodb: {
          SequenceNumber: `9${Date.now()}${String(records.length).padStart(4, '0')}`,
          NewImage: marshall(item, { removeUndefinedValues: true }),
          OldImage: marshall(old, { removeUndefinedValues: true }),
        },
      });
    for (const r of list.body.items) {
      const items = await tableClient().send(
        new QueryCommand({
          TableName: 'parcours-local',
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `user#${r.learnerId}` },
        }),
      );
      for (const it of items.Items ?? []) {
        if (it['entity'] === 'booking' || it['entity'] === 'completion')
          record(it, { ...it, status: 'enrolled' });
        if (it['entity'] !== 'booking') continue;
        const enrolment = await tableClient().send(
          new GetCommand({
            TableName: 'parcours-local',
            Key: { pk: `session#${it['sessionId']}`, sk: `enrolment#${r.learnerId}` },
          }),
        );
        if (enrolment.Item) record(enrolment.Item, enrolment.Item);
      }
    }
    expect(records.length).toBeGreaterThan(4);
    const result = await runFunction<{ batchItemFailures: unknown[] }>('stream', {
      Records: [...records, ...records],
    });
    expect(result.batchItemFailures).toEqual([]);
    await drainStream();
    expect((await call('GET', '/reports/services?service=draaf', { token: hr })).text).toBe(before.text);
    expect((await call('GET', '/reports/paths?service=draaf&granularity=total', { token: hr })).text).toBe(
      paths.text,
    );
  });

  it('the offline rebuild re-derives the same reports from the source records', {
    timeout: 240_000,
  }, async () => {
    const labT = await lab();
    // An erased agent (docs/data-protection.md): out of every listing, still counted in the aggregates. The rebuild
    // must neither bring their row back nor drop them from the counts.
    const erased = await agentIn('ddi', 'Effacé Ddi');
    // A learning record outlives the erasure (booking, enrolment): the rebuild meets their partition.
    const session = await createSession();
    const enrolled = await call('POST', `/sessions/${session.id}/enrolments`, {
      token: erased.token,
      body: {},
    });
    expect(enrolled.status, enrolled.text).toBe(201);
    await eventually(
      () => agents(labT, 'service=ddi'),
      (r) => ids(r.body).includes(erased.id),
    );
    const erasure = await call<{ counts: Record<string, number> }>('POST', `/people/${erased.id}/erasure`, {
      token: labT,
      body: {},
    });
    expect(erasure.status, erasure.text).toBe(200);
    expect(erasure.body.counts['reportRowsDeleted']).toBe(1);
    await drainStream();
    expect(ids((await agents(labT, 'service=ddi')).body)).not.toContain(erased.id);
    const ddi = await call<{ items: { agents: number }[] }>('GET', '/reports/services?service=ddi', {
      token: labT,
    });
    expect(ddi.body.items[0]!.agents).toBe(2);
    const snapshot = async () =>
      Promise.all([
        call('GET', '/reports/services?service=dreal,draaf,drjscs,rectorat,ddi', { token: labT }).then(
          (r) => r.text,
        ),
        call('GET', '/reports/agents?service=dreal,draaf,drjscs,rectorat,ddi&limit=1000', {
          token: labT,
        }).then((r) => r.text),
        call('GET', '/reports/paths?service=dreal,draaf,drjscs&granularity=total', { token: labT }).then(
          (r) => {
            // Satisfaction is all-services: other test files may add responses meanwhile.
            const body = JSON.parse(r.text) as { items: Record<string, unknown>[] };
            return JSON.stringify(body.items.map(({ satisfaction: _s, ...rest }) => rest));
          },
        ),
      ]);
    const before = await snapshot();
    // Lose an agent's row (and its listings) entirely; the per-learner rebuild can only restore what it can compare,
    // the full rebuild restores everything.
    const cli = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'functions/reports/rebuild-cli.ts',
        '--full',
        '--segments',
        '2',
        '--endpoint',
        inject('dynamoEndpoint'),
      ],
      { encoding: 'utf8', timeout: 200_000 },
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/wrote \d+ report items/);
    expect(cli.stdout).toMatch(/"erased":[1-9]/);
    await drainStream();
    expect(await snapshot()).toEqual(before);
    expect((await call('GET', `/reports/agents/${erased.id}`, { token: labT })).status).toBe(404);

    // Query-based modes: a service's agents, and the sessions of a month.
    const svc = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'functions/reports/rebuild-cli.ts',
        '--service',
        'draaf',
        '--endpoint',
        inject('dynamoEndpoint'),
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(svc.status, svc.stderr).toBe(0);
    expect(svc.stdout).toContain('"unchanged":4');
    expect(await snapshot()).toEqual(before);
  });
});
