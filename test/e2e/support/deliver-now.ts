import { parisDayStart, parisMonth } from '@parcours/domain/reports/paris-time';
import type { Api } from './api-client.ts';

export type Team = { trainerId: string; role: 'lead' | 'co-facilitator' | 'observer' | 'shadow' }[];
export interface Person {
  userId: string;
  service?: string;
  name?: string;
  email?: string;
}
export interface DeliverySpec {
  moduleId: string;
  pathId: string;
  team: Team;
  learners: Person[];
  /** Attendance taken by the lab once started; leave it to the browser test when false. */
  takeAttendance?: boolean;
}
export interface Delivered {
  id: string;
  moduleId: string;
  start: string;
  end: string;
}

const ROOMS = [
  { siteId: 'a-distance', roomId: 'classe-virtuelle' },
  { siteId: 'toulouse', roomId: 'salle-du-lab' },
  { siteId: 'montpellier', roomId: 'salle-lez' },
  { siteId: 'cahors', roomId: 'salle-lot' },
  { siteId: 'paris-bercy', roomId: 'espace-creatif' },
  { siteId: 'toulouse', roomId: 'salle-garonne' },
];

type Conflict = { error?: { code?: string; details?: { sessionId?: string } } };

/**
 * Schedules, fills and (optionally) delivers sessions through the API, as the integration tests do: each is created
 * in a free future slot, learners enrol, then the lab records it as having taken place a few minutes ago (a few
 * seconds long) and takes attendance (everyone present) — no waiting for a start. A demo session of the same trainers happening right
 * now is moved a week later first (the demo programme runs on the real calendar).
 */
export async function deliverNow(api: Api, specs: DeliverySpec[], slotMs = 2_500): Promise<Delivered[]> {
  const lab = await api.lab();
  const farSlot = (i: number) =>
    Date.now() + (400 + i) * 86_400_000 + Math.floor(Math.random() * 1000) * 60_000;
  const scheduled: Delivered[] = [];
  for (const [i, spec] of specs.entries()) {
    const start = new Date(farSlot(i)).toISOString();
    const end = new Date(Date.parse(start) + 90 * 60_000).toISOString();
    const s = await api.must<Delivered>('POST', '/sessions', {
      token: lab,
      body: {
        moduleId: spec.moduleId,
        pathId: spec.pathId,
        start,
        end,
        ...ROOMS[0],
        capacity: 20,
        facilitators: spec.team,
      },
    });
    for (const p of spec.learners) {
      const token = await api.token({ roles: ['learner'], ...p });
      // As the web app does at sign-in: the profile takes the token's display name (HR reports show it).
      await api.must('GET', '/me/profile', { token });
      await api.must('POST', `/sessions/${s.id}/enrolments`, { token, body: { pathId: spec.pathId } });
    }
    scheduled.push(s);
  }
  // A few minutes ago, but in the current Paris month (dashboards count by month).
  const now = Date.now();
  const monthStart = Date.parse(parisDayStart(`${parisMonth(new Date(now).toISOString())}-01`));
  const base = Math.max(now - 5 * 60_000, monthStart);
  const moved: Delivered[] = [];
  for (const [i, s] of scheduled.entries()) {
    const start = new Date(base + i * (slotMs + 200)).toISOString();
    const end = new Date(Date.parse(start) + slotMs).toISOString();
    moved.push({ ...s, start, end });
    await moveTo(api, lab, s.id, start, end, i);
  }
  for (const [i, s] of moved.entries()) {
    const spec = specs[i]!;
    if (spec.takeAttendance === false) continue;
    await api.must('PUT', `/sessions/${s.id}/attendance`, {
      token: lab,
      body: spec.learners.map((p) => ({ learnerId: p.userId, status: 'present' })),
    });
  }
  await api.drain();
  return moved;
}

/**
 * Moves a demo session out of the way: a week later — unless that slot is taken too (the demo programme repeats
 * weekly, so the same trainer may teach then): further weeks, then a few hours later in the day.
 */
async function moveAway(api: Api, lab: string, id: string, s: { start: string; end: string }): Promise<void> {
  const day = 86_400_000;
  let last = '';
  for (const shift of [7, 14, 21, 7.125, 14.125, 21.125, 7.25, 28.25].map((d) => d * day)) {
    const r = await api.call<Conflict>('PATCH', `/sessions/${id}`, {
      token: lab,
      body: {
        start: new Date(Date.parse(s.start) + shift).toISOString(),
        end: new Date(Date.parse(s.end) + shift).toISOString(),
      },
    });
    if (r.status === 200) return;
    last = `${r.status} ${r.text}`;
  }
  throw new Error(`could not move demo session ${id} out of the way: ${last}`);
}

/** Moves a session to [start, end), trying other rooms, and moving away a demo session that holds a trainer. */
async function moveTo(
  api: Api,
  lab: string,
  id: string,
  start: string,
  end: string,
  offset: number,
): Promise<void> {
  let last = '';
  for (let attempt = 0; attempt < ROOMS.length + 4; attempt++) {
    const room = ROOMS[(offset + attempt) % ROOMS.length]!;
    const r = await api.call<Conflict>('PATCH', `/sessions/${id}`, {
      token: lab,
      body: { start, end, ...room },
    });
    if (r.status === 200) return;
    last = `${r.status} ${r.text}`;
    const code = r.body?.error?.code;
    const clash = r.body?.error?.details?.sessionId;
    if (code === 'trainer-unavailable' && clash) {
      const other = await api.must<{ start: string; end: string }>('GET', `/sessions/${clash}`, {
        token: lab,
      });
      await moveAway(api, lab, clash, other);
    } else if (code !== 'room-unavailable') break;
  }
  throw new Error(`could not move session ${id} to now: ${last}`);
}
