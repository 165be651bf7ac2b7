import { parisLocalToUtc } from '@parcours/domain/lms/local-time';
import { type DemoCatalog, fetchDemoCatalog } from './demo-catalog.ts';
import { DEMO_USERS } from './demo-users.ts';
import type { LocalIdentity } from './local-identity.ts';
import { loadTransferDemo } from './transfer-demo.ts';

/**
 * The demo programme of the local stack: both paths, every module, every site, four months back and four months
 * ahead, created THROUGH THE API (POST /sessions as the demo lab) so the demo exercises the same validation and
 * double-booking rules as production. Deterministic: a seeded PRNG and an anchor on the Monday of the current week,
 * so every fresh start in a given week builds the same programme.
 *
 * The story it tells: the programme started with an external provider leading every session while internal
 * trainers observed; then they co-facilitated; the most recent and upcoming sessions are led internally.
 */

/** Internal trainers by home region (they facilitate near home; anyone can run a virtual class). */
const INTERNAL_TRAINERS = {
  occitanie: ['julien-moreau', 'claire-fontaine', 'mehdi-haddad', 'anne-lefevre'],
  paris: ['thomas-roux', 'sarah-nguyen'],
} as const;
const EXTERNAL_TRAINERS = [
  'ext-agence-cooperative-sophie-leroy',
  'ext-agence-cooperative-marc-petit',
  'ext-atelier-des-possibles-lucie-bernard',
] as const;
const REGION_BY_SITE: Record<string, keyof typeof INTERNAL_TRAINERS | 'any'> = {
  'paris-bercy': 'paris',
  toulouse: 'occitanie',
  montpellier: 'occitanie',
  cahors: 'occitanie',
  'a-distance': 'any',
};

const WEEKS_BACK = 17;
const WEEKS_AHEAD = 17;
const SLOTS = [
  { id: 'am', start: '09:30', end: '11:00' },
  { id: 'pm', start: '14:00', end: '15:30' },
] as const;
const SEED = 0x5eed_2026;

type Role = 'lead' | 'co-facilitator' | 'observer';
export interface DemoSession {
  moduleId: string;
  pathId?: string;
  start: string;
  end: string;
  siteId: string;
  roomId: string;
  capacity: number;
  facilitators: { trainerId: string; role: Role }[];
}

/** mulberry32: tiny, fast, good enough for demo data, and reproducible from its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    shuffle: <T>(xs: readonly T[]): T[] => {
      const out = [...xs];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}

/** The Monday of the week containing `now`, as a calendar date (YYYY-MM-DD). */
export function weekAnchor(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

function addDaysToDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Pure: the programme for the week anchored at `anchor` (a Monday). */
export function demoProgramme(anchor: string, content: DemoCatalog): DemoSession[] {
  const rnd = prng(SEED);
  const pathsOf = (moduleId: string) =>
    content.paths
      .filter(
        (p) =>
          p.entryModuleId === moduleId ||
          p.electiveModuleIds.includes(moduleId) ||
          p.coachModuleId === moduleId,
      )
      .map((p) => p.id);
  const entry = content.paths[0]!.entryModuleId;
  const others = content.modules.map((m) => m.id).filter((id) => id !== entry && pathsOf(id).length > 0);
  const sites = content.sites;
  // Every (module, site) pair comes up in turn, in a shuffled order; the entry module runs every week.
  let combos: [string, string][] = [];
  const nextCombo = (): [string, string] => {
    if (combos.length === 0)
      combos = rnd.shuffle(others.flatMap((m) => sites.map((s): [string, string] => [m, s.id])));
    return combos.pop()!;
  };
  const entrySites = rnd.shuffle(sites.map((s) => s.id));

  const busy = new Set<string>();
  const out: DemoSession[] = [];
  for (let week = -WEEKS_BACK; week <= WEEKS_AHEAD; week++) {
    const wanted: [string, string][] = [
      [entry, entrySites[(week + WEEKS_BACK) % entrySites.length]!],
      nextCombo(),
      nextCombo(),
    ];
    for (const [moduleId, siteId] of wanted) {
      const site = sites.find((s) => s.id === siteId)!;
      const rooms = site.rooms.filter((r) => r.capacity >= 12);
      // A few tries to find a free (day, slot, room) with free trainers; give up on this one otherwise.
      for (let attempt = 0; attempt < 12; attempt++) {
        const date = addDaysToDate(anchor, week * 7 + rnd.int(0, 4));
        const slot = rnd.pick(SLOTS);
        const room = rnd.pick(rooms);
        const at = `${date}|${slot.id}`;
        if (busy.has(`room|${siteId}|${room.id}|${at}`)) continue;
        const facilitators = pickFacilitators(week, siteId, (t) => !busy.has(`trainer|${t}|${at}`), rnd);
        if (!facilitators) continue;
        for (const f of facilitators) busy.add(`trainer|${f.trainerId}|${at}`);
        busy.add(`room|${siteId}|${room.id}|${at}`);
        const paths = pathsOf(moduleId);
        // Modules shared by both paths are sometimes run for one path, sometimes open to both.
        const pathId = paths.length === 1 ? paths[0] : rnd.pick([...paths, undefined]);
        out.push({
          moduleId,
          ...(pathId ? { pathId } : {}),
          start: parisLocalToUtc(date, slot.start),
          end: parisLocalToUtc(date, slot.end),
          siteId,
          roomId: room.id,
          capacity: rnd.int(12, Math.min(20, room.capacity)),
          facilitators,
        });
        break;
      }
    }
  }
  return out.sort((a, b) => a.start.localeCompare(b.start));
}

/**
 * Early weeks: an external lead, an internal observer half of the time. Middle: mixed (external lead with an
 * internal co-facilitator, or the reverse). Recent and upcoming: internal leads, often with a co-facilitator, and
 * sometimes a newer colleague observing.
 */
function pickFacilitators(
  week: number,
  siteId: string,
  free: (trainerId: string) => boolean,
  rnd: ReturnType<typeof prng>,
): DemoSession['facilitators'] | undefined {
  const region = REGION_BY_SITE[siteId] ?? 'any';
  const internalPool = (
    region === 'any'
      ? [...INTERNAL_TRAINERS.occitanie, ...INTERNAL_TRAINERS.paris]
      : [...INTERNAL_TRAINERS[region]]
  ).filter(free);
  const externalPool = EXTERNAL_TRAINERS.filter(free);
  const take = (pool: string[]) => {
    if (pool.length === 0) return undefined;
    const t = rnd.pick(pool);
    pool.splice(pool.indexOf(t), 1);
    return t;
  };
  const team: DemoSession['facilitators'] = [];
  const add = (pool: string[], role: Role) => {
    const t = take(pool);
    if (t) team.push({ trainerId: t, role });
    return t !== undefined;
  };
  if (week < -8) {
    if (!add(externalPool, 'lead')) return undefined;
    if (rnd.next() < 0.5) add(internalPool, 'observer');
  } else if (week < 3) {
    if (rnd.next() < 0.5) {
      if (!add(externalPool, 'lead')) return undefined;
      add(internalPool, 'co-facilitator');
    } else {
      if (!add(internalPool, 'lead')) return undefined;
      add(externalPool, 'co-facilitator');
    }
  } else {
    if (!add(internalPool, 'lead')) return undefined;
    if (rnd.next() < 0.6) add(internalPool, 'co-facilitator');
    if (rnd.next() < 0.2) add(internalPool, 'observer');
  }
  return team;
}

/**
 * Creates the demo programme through the API if the database holds no session in the demo's window yet.
 * Each POST carries an Idempotency-Key derived from the session, so an interrupted seeding resumed within a day
 * replays instead of duplicating.
 */
export async function loadDemoData(
  apiUrl: string,
  tokens: LocalIdentity,
  opts: { now?: Date; log?: (message: string) => void } = {},
): Promise<{ created: number; skipped: boolean; failed: number }> {
  const now = opts.now ?? new Date();
  const token = await tokens.tokenFor(DEMO_USERS.lab);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const anchor = weekAnchor(now);
  const programme = demoProgramme(anchor, await fetchDemoCatalog(apiUrl));
  if (programme.length === 0) return { created: 0, skipped: true, failed: 0 };

  const window = new URLSearchParams({
    from: programme[0]!.start,
    to: new Date(Date.parse(programme[programme.length - 1]!.end) + 1).toISOString(),
    limit: '1',
  });
  const existing = await fetch(`${apiUrl}/sessions?${window}`, { headers });
  if (!existing.ok)
    throw new Error(`demo data: GET /sessions answered ${existing.status} ${await existing.text()}`);
  if (((await existing.json()) as { items: unknown[] }).items.length > 0) {
    // The transfer story (registry, delivered sessions, evaluations, ladders): sessions ended since last time.
    await loadTransferDemo(apiUrl, tokens, { now, ...(opts.log ? { log: opts.log } : {}) });
    return { created: 0, skipped: true, failed: 0 };
  }

  // DynamoDB Local serialises requests: this takes a few tens of seconds, once per fresh database.
  opts.log?.(`Création de ${programme.length} sessions de démonstration via l'API…`);
  let created = 0;
  let failed = 0;
  // A few requests in flight keep the HTTP side busy while DynamoDB Local works.
  const queue = [...programme];
  const worker = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      const r = await fetch(`${apiUrl}/sessions`, {
        method: 'POST',
        headers: {
          ...headers,
          'idempotency-key': `demo-${s.siteId}-${s.roomId}-${s.start}`.replace(/[^A-Za-z0-9_.:-]/g, ''),
        },
        body: JSON.stringify(s),
      });
      if (r.status === 201) created++;
      else {
        failed++;
        console.warn(
          `[demo] ${s.moduleId} ${s.start} ${s.siteId}/${s.roomId}: ${r.status} ${await r.text()}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  // The transfer story (docs/transfer.md, "Demo"): registry, delivered sessions, evaluations, ladders.
  await loadTransferDemo(apiUrl, tokens, { now, ...(opts.log ? { log: opts.log } : {}) });
  return { created, skipped: false, failed };
}
