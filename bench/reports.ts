/**
 * `npm run bench:reports [-- --sizes 1000,10000,100000] [--runs 300] [--no-sources] [--markers]`
 *
 * Speed of the HR reports at several sizes, on DynamoDB Local. For each size it starts its own local stack in memory
 * (the same `startLocalStack` as the integration tests, without the stream consumer), loads N learners with a
 * realistic history, warms up, then measures through the HTTP API:
 *   - a 500-row page of the agents report (the lab's "all services" view, from random positions; HR with three
 *     services, merged; by activity, descending; with a selective filter), p50 / p99;
 *   - the services matrix and the paths report, p50 / p99;
 *   - the same block Queries issued directly with the SDK (baseline: what DynamoDB Local itself costs);
 *   - the full CSV export (all agents, parts built and downloaded), and at 100k an export of ~50k agents.
 *
 * Loading writes the source items (profiles, path memberships, enrolments, bookings, completions, evaluation
 * responses) AND the precomputed report items (agent rows, index blocks, counters) directly with BatchWriteItem:
 * the report items are computed by the same code as the projection (computeAgentRow, contributions), but not
 * through the stream, which at ~25 items/s per learner change on DynamoDB Local would take hours at 100k. The
 * bench measures reads. `--no-sources` skips the source items (they are never read by the reports); `--markers`
 * also writes the projection's per-source markers (idem).
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { catalog } from '@parcours/domain/content/catalog';
import { ALL_SERVICES, sortKey } from '@parcours/domain/reports/agent-model';
import { type AgentSources, serviceResolver } from '@parcours/domain/reports/agent-report';
import {
  type Contribution,
  enrolmentContribution,
  evaluationContribution,
} from '@parcours/domain/reports/contributions';
import { encodeReportCursor } from '@parcours/domain/reports/cursor';
import type { Principal } from '@parcours/domain/roles';
import { listAgents, planAgentQuery } from '../functions/reports/agents.ts';
import { computeAgentRow } from '../functions/reports/recompute.ts';
import { functions } from '../functions/routes.ts';
import { localDynamoClient } from '../packages/local/src/dynamo-local.ts';
import { LOCAL_TABLE } from '../packages/local/src/local-env.ts';
import { startLocalStack } from '../packages/local/src/local-stack.ts';
// The direct baselines bypass the store's gateway on purpose: they measure the table's own ceiling.
import { documentClient, tableName } from '../packages/store/src/client.ts';
import { keys } from '../packages/store/src/index.ts';
import type { NextAgentRow } from '../packages/store/src/report-agents.ts';
import { batchWriteAll, bulkReportItems } from '../packages/store/src/report-bulk.ts';

const args = process.argv.slice(2);
const arg = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const SIZES = (arg('--sizes') ?? '1000,10000,100000').split(',').map(Number);
const RUNS = Number(arg('--runs') ?? 300);
const SOURCES = !args.includes('--no-sources');
const MARKERS = args.includes('--markers');
const WRITERS = Number(arg('--writers') ?? 3);
process.env['LOG_LEVEL'] = 'SILENT';

// --- deterministic data ------------------------------------------------------------------------------------------

let seed = 42;
const rnd = () => {
  seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0;
  return ((seed ^ (seed >>> 13)) >>> 0) / 2 ** 32;
};
const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
function weighted<T>(pairs: readonly [T, number][]): T {
  let r = rnd() * pairs.reduce((n, [, w]) => n + w, 0);
  for (const [v, w] of pairs) {
    r -= w;
    if (r < 0) return v;
  }
  return pairs[pairs.length - 1]![0];
}

const FIRST =
  'Camille Léa Chloé Manon Inès Sarah Emma Jade Louise Alice Anne Nadia Sophie Claire Julie Hélène Marie Lucie Fatima Aïcha Élodie Zoé Agathe Margaux Juliette Thomas Lucas Hugo Julien Nicolas Mathieu Pierre Antoine Karim Mehdi Yanis Olivier Laurent Éric Paul Louis Arthur Gabriel Raphaël Théo Noé Samuel Franck Bruno David'.split(
    ' ',
  );
const LAST =
  "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont Lambert Bonnet François Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez Fontaine Chevalier Robin Masson Sanchez Gérard Nguyen Boyer Denis Lemaire Duval Joly Gautier Roger Roche Roy Noël Meyer Lucas Meunier Jean Perez Marchand Dufour Blanchard Marie Barbier Brun Dumas Brunet Schmitt Leroux Colin Fernandez D'Almeida".split(
    ' ',
  );
const SERVICES: [string, number][] = [
  ['drfip', 18],
  ['ars', 12],
  ['rectorat', 14],
  ['prefecture-occitanie', 9],
  ['sous-prefectures', 5],
  ['ddi', 12],
  ['direccte', 7],
  ['drac', 4],
  ['draaf', 5],
  ['dreal', 6],
  ['drjscs', 4],
  ['sgar', 3],
  ['', 1],
];
const SITES = ['paris-bercy', 'toulouse', 'montpellier', 'cahors', 'a-distance'];
const B32 = '0123456789abcdefghjkmnpqrstvwxyz';
const NOW = Date.now();

interface BenchSession {
  id: string;
  moduleId: string;
  start: string;
  end: string;
  startMs: number;
  endMs: number;
  siteId: string;
}

function makeSessions(): Map<string, BenchSession[]> {
  const byModule = new Map<string, BenchSession[]>();
  const from = Date.UTC(2025, 0, 6, 8, 30);
  for (const m of catalog().modules) {
    const list: BenchSession[] = [];
    for (let week = 0; week < 110; week++) {
      const start = from + week * 7 * 86_400_000 + Math.floor(rnd() * 4) * 86_400_000;
      let id = 's-';
      for (let i = 0; i < 26; i++) id += pick(B32.split(''));
      list.push({
        id,
        moduleId: m.id,
        start: new Date(start).toISOString(),
        end: new Date(start + 90 * 60_000).toISOString(),
        startMs: start,
        endMs: start + 90 * 60_000,
        siteId: pick(SITES),
      });
    }
    byModule.set(m.id, list);
  }
  return byModule;
}

type Status = AgentSources['bookings'][number]['status'];

interface Learner {
  id: string;
  sources: AgentSources;
  items: Record<string, unknown>[];
  counted: { pk: string; sk: string; contribution: Contribution; at: string }[];
}

function makeLearner(n: number, sessions: Map<string, BenchSession[]>): Learner {
  const c = catalog();
  const id = `agent-${String(n).padStart(7, '0')}`;
  const service = weighted(SERVICES);
  const name = `${pick(FIRST)} ${pick(LAST)}`;
  const email = `${id}@example.gouv.fr`;
  const resolve = serviceResolver(c);
  const items: Record<string, unknown>[] = [];
  const counted: Learner['counted'] = [];
  const created = new Date(Date.UTC(2025, 0, 1) + Math.floor(rnd() * 600) * 86_400_000).toISOString();
  const sources: AgentSources = {
    learnerId: id,
    profile: { displayName: name, email, ...(service ? { service } : {}) },
    bookings: [],
    completions: [],
    paths: [],
  };
  items.push({
    ...keys.user.profile(id),
    entity: 'user-profile',
    userId: id,
    email,
    displayName: name,
    locale: 'fr',
    ...(service ? { service } : {}),
    preferences: { nonEssentialEmails: true },
    createdAt: created,
    updatedAt: created,
  });
  const pathId = weighted<string | undefined>([
    ['passinnov', 82],
    ['formation-action-referents', 10],
    [undefined, 8],
  ]);
  if (!pathId) return { id, sources, items, counted };
  const path = c.paths.find((p) => p.id === pathId)!;
  items.push({
    ...keys.user.pathMembership(id, pathId),
    entity: 'path-membership',
    learnerId: id,
    pathId,
    joinedAt: created,
  });
  sources.paths.push({ pathId, joinedAt: created });

  let cursor = Date.parse(created);
  const enrol = (moduleId: string, status: Status) => {
    const list = sessions.get(moduleId)!;
    const future = status === 'enrolled' || status === 'waitlisted';
    const candidates = list.filter((s) => (future ? s.startMs > NOW : s.startMs > cursor && s.endMs < NOW));
    const s = candidates.length
      ? candidates[Math.floor(rnd() * Math.min(candidates.length, 12))]!
      : undefined;
    if (!s) return false;
    if (!future) cursor = s.endMs;
    const enrolmentId = `e-${n}-${moduleId.length}-${s.id.slice(-6)}`;
    const at = new Date(Date.parse(s.start) - 10 * 86_400_000).toISOString();
    const updatedAt = future ? at : s.end;
    const enrolment = {
      ...keys.session.enrolment(s.id, id),
      entity: 'enrolment',
      id: enrolmentId,
      sessionId: s.id,
      learnerId: id,
      moduleId,
      pathId,
      ...(service ? { learnerService: service } : {}),
      status,
      ticket: Math.floor(rnd() * 30),
      sessionStart: s.start,
      sessionEnd: s.end,
      createdAt: at,
      updatedAt,
      createdBy: id,
      updatedBy: id,
      ...keys.enrolment.byId(enrolmentId),
    };
    items.push(enrolment);
    counted.push({
      pk: enrolment.pk,
      sk: enrolment.sk,
      contribution: enrolmentContribution(
        { status, pathId, sessionStart: s.start, ...(service ? { learnerService: service } : {}) },
        resolve,
      ),
      at: updatedAt,
    });
    items.push({
      ...keys.user.booking(id, s.id),
      entity: 'booking',
      learnerId: id,
      enrolmentId,
      sessionId: s.id,
      moduleId,
      pathId,
      status,
      start: s.start,
      end: s.end,
      createdAt: at,
      updatedAt,
    });
    sources.bookings.push({
      sessionId: s.id,
      moduleId,
      pathId,
      status,
      start: s.start,
      end: s.end,
      createdAt: at,
    });
    if (status === 'attended' && !sources.completions.some((x) => x.moduleId === moduleId)) {
      const module = c.modules.find((m) => m.id === moduleId)!;
      items.push({
        ...keys.user.completion(id, moduleId),
        entity: 'completion',
        learnerId: id,
        moduleId,
        sessionId: s.id,
        enrolmentId,
        completedAt: s.end,
        ...(service ? { learnerService: service } : {}),
        competencies: module.competencies,
      });
      sources.completions.push({
        moduleId,
        sessionId: s.id,
        completedAt: s.end,
        ...(service ? { learnerService: service } : {}),
      });
    }
    if ((status === 'attended' || status === 'partially-attended') && rnd() < 0.4) {
      const overall = weighted([
        [5, 55],
        [4, 35],
        [3, 8],
        [2, 2],
      ]);
      const responseId = `r-${n}-${s.id.slice(-8)}`;
      const response = {
        ...keys.transfer.evaluationResponse(s.id, responseId),
        entity: 'evaluation-response',
        responseId,
        sessionId: s.id,
        moduleId,
        pathId,
        pathIds: [pathId],
        siteId: s.siteId,
        sessionStart: s.start,
        overall,
        objectives: [overall, overall, overall],
        recommend: overall >= 4,
        leadKind: rnd() < 0.6 ? 'internal' : 'external',
        quarter: `${s.start.slice(0, 4)}-Q${Math.floor(Number(s.start.slice(5, 7)) / 3.01) + 1}`,
        month: s.start.slice(0, 7),
        submittedAt: s.end,
        updatedAt: s.end,
        revision: 1,
      };
      items.push(response);
      counted.push({
        pk: response.pk,
        sk: response.sk,
        contribution: evaluationContribution(response),
        at: s.end,
      });
    }
    return true;
  };

  const entry = weighted<Status | 'none'>([
    ['attended', 78],
    ['no-show', 5],
    ['partially-attended', 4],
    ['cancelled', 4],
    ['enrolled', 6],
    ['none', 3],
  ]);
  if (entry !== 'none') enrol(path.entryModuleId, entry);
  if (entry !== 'attended' && entry !== 'enrolled' && entry !== 'none' && rnd() < 0.5)
    enrol(path.entryModuleId, 'attended');
  if (!sources.completions.length) return { id, sources, items, counted };
  const electives = [...path.electiveModuleIds].sort(() => rnd() - 0.5);
  const count = weighted([
    [0, 15],
    [1, 25],
    [2, 25],
    [3, 25],
    [4, 10],
  ]);
  for (const moduleId of electives.slice(0, count)) {
    enrol(
      moduleId,
      weighted<Status>([
        ['attended', 80],
        ['partially-attended', 4],
        ['no-show', 7],
        ['cancelled', 5],
        ['enrolled', 4],
      ]),
    );
  }
  return { id, sources, items, counted };
}

// --- measurement helpers -----------------------------------------------------------------------------------------

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
async function timeRuns(
  runs: number,
  fn: (i: number) => Promise<void>,
): Promise<{ p50: number; p99: number }> {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    ts.push(performance.now() - t);
  }
  ts.sort((a, b) => a - b);
  return { p50: pct(ts, 0.5), p99: pct(ts, 0.99) };
}
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

interface Result {
  size: number;
  loadItems: number;
  loadSeconds: number;
  page: { p50: number; p99: number };
  pageHr: { p50: number; p99: number };
  pageActivity: { p50: number; p99: number };
  pageFiltered: { p50: number; p99: number; rows: number };
  direct: { p50: number; p99: number };
  inProcess: { p50: number; p99: number };
  services: { p50: number; p99: number };
  paths: { p50: number; p99: number };
  exportAll: { rows: number; ms: number; mb: number; parts: number; readMs: number; calls: number };
  export50k?: { rows: number; ms: number; mb: number; parts: number; readMs: number; calls: number };
}

async function generateAndLoad(size: number, hrServices: string[]) {
  // Generate.
  seed = 42;
  const t0 = performance.now();
  const sessions = makeSessions();
  const learners = Array.from({ length: size }, (_, i) => makeLearner(i, sessions));
  const agents: { learnerId: string; row: NextAgentRow }[] = [];
  for (const l of learners) {
    const row = computeAgentRow(l.sources);
    if (row) agents.push({ learnerId: l.id, row });
  }
  const reportItems = bulkReportItems({
    agents,
    sources: learners.flatMap((l) => l.counted),
    now: new Date().toISOString(),
    markers: MARKERS,
  });
  const sourceItems = SOURCES ? learners.flatMap((l) => l.items) : [];
  console.error(
    `generated in ${ms(performance.now() - t0)} ms: ${sourceItems.length} source items, ${reportItems.length} report items`,
  );

  // Load.
  const all = [...reportItems, ...sourceItems];
  const tl = performance.now();
  let lastLog = 0;
  await batchWriteAll(
    all.map((put) => ({ put })),
    WRITERS,
    (done) => {
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        console.error(
          `  loaded ${done}/${all.length} (${Math.round(done / ((performance.now() - tl) / 1000))} items/s)`,
        );
      }
    },
  );
  const loadSeconds = (performance.now() - tl) / 1000;
  console.error(
    `loaded ${all.length} items in ${loadSeconds.toFixed(0)} s (${Math.round(all.length / loadSeconds)} items/s)`,
  );

  const nameKeys = agents.map((a) => sortKey('name', a.row.detail)).sort();
  const actKeys = agents.map((a) => sortKey('activity', a.row.detail)).sort();
  const hrKeys = agents
    .filter((a) => hrServices.includes(a.row.detail.service))
    .map((a) => sortKey('name', a.row.detail))
    .sort();
  const serviceCounts = new Map<string, number>();
  for (const a of agents)
    serviceCounts.set(a.row.detail.service, (serviceCounts.get(a.row.detail.service) ?? 0) + 1);
  return { loadItems: all.length, loadSeconds, nameKeys, actKeys, hrKeys, serviceCounts };
}

async function runSize(size: number): Promise<Result> {
  console.error(`\n== ${size} learners ==`);
  const stack = await startLocalStack(
    functions.filter((f) => !f.stream),
    { schedules: false },
  );
  try {
    // No stream consumer here: the stream would only cost DynamoDB Local time and memory while loading.
    const raw = localDynamoClient(stack.dynamoEndpoint);
    await raw
      .send(new UpdateTableCommand({ TableName: LOCAL_TABLE, StreamSpecification: { StreamEnabled: false } }))
      .catch((e) => console.error(`(stream left on: ${(e as Error).message})`));
    raw.destroy();

    const hrServices = ['drfip', 'ars', 'rectorat'];
    // Generated data is dropped once loaded (and collected): the process also serves the API being measured.
    const { loadItems, loadSeconds, nameKeys, actKeys, hrKeys, serviceCounts } = await generateAndLoad(
      size,
      hrServices,
    );
    (globalThis as { gc?: () => void }).gc?.();

    const labToken = await stack.tokens.tokenFor({ userId: 'bench-lab', roles: ['lab'] });
    const hrToken = await stack.tokens.tokenFor({ userId: 'bench-hr', roles: ['hr'], hrServices });
    const get = async (path: string, token: string) => {
      const r = await fetch(`${stack.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const text = await r.text();
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${text.slice(0, 300)}`);
      return text;
    };

    // Random start positions: cursors built for existing keys of each listing (as a client paging deep would hold).
    const labPrincipal: Principal = { userId: 'bench-lab', roles: ['lab'], locale: 'fr' };
    const hrPrincipal: Principal = { userId: 'bench-hr', roles: ['hr'], locale: 'fr', hrServices };
    const cursorsFor = (principal: Principal, sort: 'name' | '-activity', keysOf: string[]) => {
      const plan = planAgentQuery(principal, { sort });
      const order = sort.replace('-', '');
      const dir = sort.startsWith('-') ? 'desc' : 'asc';
      return keysOf.map((k) => encodeReportCursor({ report: 'agents', order, dir, key: k }, plan.hash));
    };
    // Start anywhere a full page follows: not in the last 500 rows ascending, not in the first 500 descending.
    const sample = (list: string[], n: number, dir: 'asc' | 'desc' = 'asc') =>
      Array.from({ length: n }, () => {
        const room = Math.max(1, list.length - 500);
        return list[Math.floor(rnd() * room) + (dir === 'desc' ? list.length - room : 0)]!;
      }).filter(Boolean);
    const labCursors = [undefined, ...cursorsFor(labPrincipal, 'name', sample(nameKeys, RUNS))];
    const actCursors = [undefined, ...cursorsFor(labPrincipal, '-activity', sample(actKeys, RUNS, 'desc'))];
    const hrCursors = [undefined, ...cursorsFor(hrPrincipal, 'name', sample(hrKeys, RUNS))];
    const page = (base: string, cursors: (string | undefined)[], token: string) => (i: number) => {
      const c = cursors[i % cursors.length];
      return get(`${base}${c ? `&cursor=${c}` : ''}`, token).then(() => undefined);
    };

    // Direct baseline: the Queries a lab page makes (the block holding the position, then the next blocks).
    const listing = keys.report.listing(ALL_SERVICES, 'name');
    const direct = async (i: number) => {
      const after =
        nameKeys[Math.floor((((i * 7919) % 1000) / 1000) * Math.max(1, nameKeys.length - 500))] ?? '';
      const b = keys.report.blockSk(after);
      await Promise.all([
        documentClient().send(
          new QueryCommand({
            TableName: tableName(),
            KeyConditionExpression: 'pk = :pk AND sk <= :b',
            ExpressionAttributeValues: { ':pk': listing, ':b': b },
            ScanIndexForward: false,
            Limit: 1,
            ProjectionExpression: 'z',
          }),
        ),
        documentClient().send(
          new QueryCommand({
            TableName: tableName(),
            KeyConditionExpression: 'pk = :pk AND sk > :b',
            ExpressionAttributeValues: { ':pk': listing, ':b': b },
            Limit: 10,
            ProjectionExpression: 'z',
          }),
        ),
      ]);
    };

    // Warm-up (the JVM compiles its hot paths over the first ~1,000 requests).
    console.error('warming up…');
    for (let i = 0; i < 150; i++) {
      await page('/reports/agents?limit=500', labCursors, labToken)(i);
      await direct(i);
      if (i % 10 === 0) {
        await get('/reports/services', labToken);
        await get('/reports/paths', labToken);
        await page('/reports/agents?limit=500', hrCursors, hrToken)(i);
      }
    }

    console.error('measuring pages…');
    const pageStats = await timeRuns(RUNS, page('/reports/agents?limit=500', labCursors, labToken));
    const directStats = await timeRuns(RUNS, direct);
    // The same page without HTTP: the handler's own work (reads, decoding, filtering) without serialisation.
    const inProcess = await timeRuns(RUNS, async (i) => {
      const c = labCursors[i % labCursors.length];
      await listAgents(labPrincipal, { limit: 500, ...(c ? { cursor: c } : {}) });
    });
    const hrStats = await timeRuns(RUNS, page('/reports/agents?limit=500', hrCursors, hrToken));
    const actStats = await timeRuns(
      RUNS,
      page('/reports/agents?limit=500&sort=-activity', actCursors, labToken),
    );
    let filteredRows = 0;
    const filtered = await timeRuns(Math.min(RUNS, 100), async () => {
      const body = JSON.parse(
        await get('/reports/agents?limit=500&competency=facilitation&minLevel=master', labToken),
      ) as {
        items: unknown[];
      };
      filteredRows = body.items.length;
    });
    const servicesStats = await timeRuns(Math.min(RUNS, 200), () =>
      get('/reports/services', labToken).then(() => undefined),
    );
    const pathsStats = await timeRuns(Math.min(RUNS, 200), () =>
      get('/reports/paths', labToken).then(() => undefined),
    );

    // Exports: build (POST + continue) and download every part (gzip, as browsers ask), timed end to end.
    const exportRun = async (filters: Record<string, unknown>) => {
      const t = performance.now();
      const post = async (path: string, body?: unknown) => {
        const r = await fetch(`${stack.apiUrl}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${labToken}`, 'content-type': 'application/json' },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        if (r.status >= 300) throw new Error(`${path}: ${r.status} ${await r.text()}`);
        return (await r.json()) as {
          id: string;
          status: string;
          rows: number;
          bytes: number;
          parts: { url: string }[];
          continueUrl?: string;
        };
      };
      let view = await post('/reports/exports', { report: 'agents', format: 'csv', filters });
      let calls = 1;
      while (view.status === 'running') {
        view = await post(view.continueUrl!);
        calls++;
      }
      let bytes = 0;
      for (const p of view.parts) {
        const r = await fetch(`${stack.apiUrl}${p.url}`, {
          headers: { authorization: `Bearer ${labToken}`, 'accept-encoding': 'gzip' },
        });
        bytes += (await r.arrayBuffer()).byteLength;
      }
      const total = performance.now() - t;
      if (bytes !== view.bytes) throw new Error(`export: downloaded ${bytes} bytes, expected ${view.bytes}`);
      return { rows: view.rows, ms: total, mb: view.bytes / 1e6, parts: view.parts.length, calls };
    };
    // What dominates: reading every block of the listing, directly.
    const readAll = async (scopes: string[]) => {
      const t = performance.now();
      await Promise.all(
        scopes.map(async (scope) => {
          let start: Record<string, unknown> | undefined;
          do {
            const r = await documentClient().send(
              new QueryCommand({
                TableName: tableName(),
                KeyConditionExpression: 'pk = :pk',
                ExpressionAttributeValues: { ':pk': keys.report.listing(scope, 'name') },
                ProjectionExpression: 'z',
                ExclusiveStartKey: start,
              }),
            );
            start = r.LastEvaluatedKey;
          } while (start);
        }),
      );
      return performance.now() - t;
    };
    console.error('exporting…');
    await exportRun({}); // warm-up of the export path
    const exportAll = { ...(await exportRun({})), readMs: await readAll([ALL_SERVICES]) };
    let export50k: Result['export50k'];
    if (size >= 100_000) {
      // Services adding up to about half the agents: an export of ~50k.
      const counts = serviceCounts;
      const chosen: string[] = [];
      let n = 0;
      for (const [svc, k] of [...counts].sort((a, b) => b[1] - a[1])) {
        if (n >= 50_000) break;
        if (n + k > 56_000) continue;
        chosen.push(svc);
        n += k;
      }
      export50k = { ...(await exportRun({ service: chosen.join(',') })), readMs: await readAll(chosen) };
    }
    return {
      size,
      loadItems,
      loadSeconds,
      page: pageStats,
      pageHr: hrStats,
      pageActivity: actStats,
      pageFiltered: { ...filtered, rows: filteredRows },
      direct: directStats,
      inProcess,
      services: servicesStats,
      paths: pathsStats,
      exportAll,
      ...(export50k ? { export50k } : {}),
    };
  } finally {
    await stack.stop();
  }
}

// Each size runs in a child process: the store's client and configuration are per process (cached at first use),
// and each size gets a fresh DynamoDB Local.
const CHILD = args.includes('--child');
if (CHILD) {
  const r = await runSize(SIZES[0]!);
  process.stdout.write(`\nRESULT ${JSON.stringify(r)}\n`);
  process.exit(0);
}
const results: Result[] = [];
const loadBefore = loadavg()[0]!;
for (const size of SIZES) {
  const passOn = args.filter((a, i) => a !== '--sizes' && args[i - 1] !== '--sizes');
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--child',
      '--sizes',
      String(size),
      ...passOn,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (child.status !== 0 || !line) throw new Error(`size ${size} failed (exit ${child.status})`);
  results.push(JSON.parse(line.slice('RESULT '.length)) as Result);
}

const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
const pp = (x: { p50: number; p99: number }) => `${ms(x.p50)} / ${ms(x.p99)}`;
const out: string[] = [];
out.push(
  '',
  `HR reports on DynamoDB Local — 500-row pages, p50 / p99 in ms (${RUNS} runs after warm-up); load average ${loadBefore.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at the end on ${cpus().length} CPUs`,
  '',
);
out.push(
  line([
    'learners',
    'items loaded',
    'load',
    'page lab (all)',
    'page HR (3 svc)',
    'page by activity ↓',
    'filtered page',
    'same page in-process',
    'direct Queries',
    'services',
    'paths',
    'full CSV export',
  ]),
);
out.push(line(Array(12).fill('---')));
for (const r of results) {
  out.push(
    line([
      String(r.size),
      String(r.loadItems),
      `${r.loadSeconds.toFixed(0)} s (${Math.round(r.loadItems / r.loadSeconds)}/s)`,
      pp(r.page),
      pp(r.pageHr),
      pp(r.pageActivity),
      `${pp(r.pageFiltered)} (${r.pageFiltered.rows} rows)`,
      pp(r.inProcess),
      pp(r.direct),
      pp(r.services),
      pp(r.paths),
      `${r.exportAll.rows} rows, ${(r.exportAll.ms / 1000).toFixed(2)} s (${r.exportAll.mb.toFixed(1)} MB, ${r.exportAll.parts} parts, ${r.exportAll.calls} call(s); reading the blocks alone: ${(r.exportAll.readMs / 1000).toFixed(2)} s)`,
    ]),
  );
}
for (const r of results)
  if (r.export50k)
    out.push(
      '',
      `Export of ${r.export50k.rows} agents (services adding up to ~50k, at ${r.size}): ${(r.export50k.ms / 1000).toFixed(2)} s, ${r.export50k.mb.toFixed(1)} MB in ${r.export50k.parts} parts (${r.export50k.calls} call(s)); reading their blocks alone: ${(r.export50k.readMs / 1000).toFixed(2)} s`,
    );
const first = results[0];
const last = results[results.length - 1];
if (first && last && first !== last) {
  out.push(
    '',
    `Ratio ${last.size}/${first.size}: lab page p50 ×${(last.page.p50 / first.page.p50).toFixed(2)}, p99 ×${(last.page.p99 / first.page.p99).toFixed(2)}; ` +
      `HR page p50 ×${(last.pageHr.p50 / first.pageHr.p50).toFixed(2)}; direct Queries p50 ×${(last.direct.p50 / first.direct.p50).toFixed(2)}; ` +
      `page / direct at ${last.size}: ×${(last.page.p50 / last.direct.p50).toFixed(2)} (p50)`,
  );
}
console.log(out.join('\n'));
process.exit(0);
