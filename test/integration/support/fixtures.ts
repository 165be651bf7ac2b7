import { parisDayStart, parisMonth } from '@parcours/domain/reports/paris-time';
import { call, tokenFor, uniqueId } from './client.ts';

let labToken: string | undefined;
export async function lab(): Promise<string> {
  labToken ??= await tokenFor({ userId: 'fixture-lab', roles: ['lab'] });
  return labToken;
}

export async function learner(prefix = 'learner'): Promise<{ id: string; token: string }> {
  const id = uniqueId(prefix);
  return { id, token: await tokenFor({ userId: id, roles: ['learner'], service: 'drfip' }) };
}

const ROOMS = [
  { siteId: 'a-distance', roomId: 'classe-virtuelle', capacity: 30 },
  { siteId: 'paris-bercy', roomId: 'salle-atelier-1', capacity: 20 },
  { siteId: 'paris-bercy', roomId: 'salle-atelier-2', capacity: 14 },
  { siteId: 'paris-bercy', roomId: 'espace-creatif', capacity: 25 },
  { siteId: 'toulouse', roomId: 'salle-du-lab', capacity: 24 },
  { siteId: 'toulouse', roomId: 'salle-garonne', capacity: 16 },
  { siteId: 'toulouse', roomId: 'petite-salle', capacity: 12 },
  { siteId: 'montpellier', roomId: 'salle-lez', capacity: 20 },
  { siteId: 'montpellier', roomId: 'salle-atelier', capacity: 14 },
  { siteId: 'cahors', roomId: 'salle-lot', capacity: 18 },
  { siteId: 'cahors', roomId: 'salle-de-reunion', capacity: 12 },
];

let slot = 0;
/**
 * A session created through the real API, far enough in the future and in a private time slot so that tests never
 * collide on trainer/room/learner overlaps (each call gets its own day, from a per-process base date).
 */
export async function createSession(
  overrides: Record<string, unknown> = {},
  opts: { daysFromNow?: number; durationMinutes?: number; at?: { start: string; end: string } } = {},
): Promise<{ id: string; start: string; end: string; moduleId: string } & Record<string, unknown>> {
  slot += 1;
  // One private block of days per vitest worker (ids are unique among live workers), one day per session.
  const worker = Number(process.env['VITEST_WORKER_ID'] ?? process.env['VITEST_POOL_ID'] ?? process.pid % 50);
  const base = Date.UTC(2027, 0, 4, 8, 30) + (worker * 1000 + slot) * 86_400_000;
  const startMs = opts.daysFromNow !== undefined ? Date.now() + opts.daysFromNow * 86_400_000 : base;
  const start = opts.at?.start ?? new Date(startMs).toISOString();
  const end = opts.at?.end ?? new Date(startMs + (opts.durationMinutes ?? 90) * 60_000).toISOString();
  // Near-term sessions share the real calendar: rotate through every room until one is free.
  const rooms = !('roomId' in overrides) ? ROOMS : [ROOMS[0]!];
  const offset = slot % rooms.length;
  let last = '';
  for (let i = 0; i < rooms.length; i++) {
    const room = rooms[(offset + i) % rooms.length]!;
    const r = await call<{ id: string; start: string; end: string; moduleId: string }>('POST', '/sessions', {
      token: await lab(),
      body: {
        moduleId: 'intelligence-collective',
        pathId: 'passinnov',
        start,
        end,
        siteId: room.siteId,
        roomId: room.roomId,
        capacity: Math.min(20, room.capacity),
        facilitators: [],
        ...overrides,
      },
    });
    if (r.status === 201)
      return r.body as { id: string; start: string; end: string; moduleId: string } & Record<string, unknown>;
    last = `${r.status} ${r.text}`;
    if (!r.text.includes('room-unavailable')) break;
  }
  throw new Error(`createSession failed: ${last}`);
}

/**
 * `count` consecutive 2-second slots (0.2 s apart) a few minutes before now, in the current Paris month (the reports
 * bucket by month): sessions that already took place, for tests that then act at real time.
 */
function recentPastSlots(count: number): { start: string; end: string }[] {
  const now = Date.now();
  const monthStart = Date.parse(parisDayStart(`${parisMonth(new Date(now).toISOString())}-01`));
  const base = Math.max(now - 5 * 60_000, monthStart);
  return Array.from({ length: count }, (_, i) => ({
    start: new Date(base + i * 2_200).toISOString(),
    end: new Date(base + i * 2_200 + 2_000).toISOString(),
  }));
}

/** Rooms large enough for any fixture session (capacity ≥ 20), tried in turn when moving a session. */
const LARGE_ROOMS = ROOMS.filter((r) => r.capacity >= 20);

/**
 * Moves sessions, one after the other (2 s each, 0.2 s apart), to a few minutes before now — the lab recording
 * sessions that took place. Attendance, evaluations, KPIs and reports then see them delivered at real time, and no
 * test waits for a session to start. The slots stay in the current Paris month, which the reports bucket by.
 */
export async function moveToRecentPast<S extends { id: string }>(
  sessions: S[],
  patch: Record<string, unknown> = {},
): Promise<(S & { start: string; end: string })[]> {
  const slots = recentPastSlots(sessions.length);
  const moved: (S & { start: string; end: string })[] = [];
  for (const [i, s] of sessions.entries()) {
    const { start, end } = slots[i]!;
    let last = '';
    let done = false;
    for (let k = 0; k < LARGE_ROOMS.length && !done; k++) {
      const { siteId, roomId } = LARGE_ROOMS[(i + k) % LARGE_ROOMS.length]!;
      const r = await call('PATCH', `/sessions/${s.id}`, {
        token: await lab(),
        body: { start, end, siteId, roomId, ...patch },
      });
      last = `${r.status} ${r.text}`;
      done = r.status === 200;
      if (!done && !r.text.includes('room-unavailable')) break;
    }
    if (!done) throw new Error(`moving session ${s.id} to the recent past failed: ${last}`);
    moved.push({ ...s, start, end });
  }
  return moved;
}

/**
 * A session with a lead and an observer, `learners` enrolled learners, recorded by the lab as having taken place a
 * few minutes ago once they enrolled: attendance is open at real time (no test waits for a session to start).
 */
export async function deliveredWithTeam(learners: number) {
  const lead = uniqueId('lead');
  const observer = uniqueId('obs');
  const s = await createSession({
    facilitators: [
      { trainerId: lead, role: 'lead' },
      { trainerId: observer, role: 'observer' },
    ],
  });
  const people = await Promise.all(Array.from({ length: learners }, () => learner('att')));
  for (const p of people) {
    const r = await call('POST', `/sessions/${s.id}/enrolments`, {
      token: p.token,
      body: { pathId: 'passinnov' },
    });
    if (r.status !== 201) throw new Error(`enrolment failed: ${r.status} ${r.text}`);
  }
  await moveToRecentPast([s]);
  return {
    s,
    people,
    leadToken: await tokenFor({ userId: lead, roles: ['trainer'] }),
    observerToken: await tokenFor({ userId: observer, roles: ['trainer'] }),
  };
}
