import { expect } from 'vitest';
import { call, tokenFor, uniqueId } from './client.ts';
import { createSession, lab, learner } from './fixtures.ts';
import { drainStream } from './local.ts';

/** Helpers of the trainer-transfer and evaluation tests: registry entries and sessions actually delivered. */

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function registerTrainer(
  kind: 'internal' | 'external',
  opts: { id?: string; modules?: string[]; name?: string } = {},
): Promise<{ id: string; token: string }> {
  const id = opts.id ?? uniqueId(kind === 'internal' ? 'int' : 'ext');
  const r = await call('PUT', `/trainers/${id}`, {
    token: await lab(),
    body: {
      name: opts.name ?? `Trainer ${id}`,
      kind,
      ...(kind === 'internal' ? { homeServiceId: 'drfip' } : { organisation: 'Agence coopérative' }),
      modules: opts.modules ?? [],
    },
  });
  expect(r.status, r.text).toBe(201);
  return { id, token: await tokenFor({ userId: id, roles: ['trainer'] }) };
}

export type Team = { trainerId: string; role: 'lead' | 'co-facilitator' | 'observer' | 'shadow' }[];

export interface Delivered {
  id: string;
  start: string;
  end: string;
  moduleId: string;
  learners: { id: string; token: string }[];
}

/** Rooms free of the fixtures' own calendar, tried in turn when moving a session to now. */
export const ROOMS = [
  { siteId: 'a-distance', roomId: 'classe-virtuelle' },
  { siteId: 'toulouse', roomId: 'salle-du-lab' },
  { siteId: 'montpellier', roomId: 'salle-lez' },
  { siteId: 'cahors', roomId: 'salle-lot' },
  { siteId: 'paris-bercy', roomId: 'espace-creatif' },
  { siteId: 'toulouse', roomId: 'salle-garonne' },
];

/**
 * Sessions delivered now, one after the other (the same trainers can facilitate them all): each is scheduled in its
 * own future slot, its learners enrol without hurry, then the lab moves it to start in a moment (2 s long); once
 * started, attendance is taken by the lab: the first `present` learners present, the next `partial` partially, the
 * rest absent. Returns when every session is `completed`.
 */
export async function deliverSessions(
  specs: {
    moduleId: string;
    pathId?: string;
    team: Team;
    learners: number;
    present?: number;
    partial?: number;
  }[],
): Promise<Delivered[]> {
  const scheduled = [];
  for (const spec of specs) {
    const s = await createSession({
      moduleId: spec.moduleId,
      pathId: spec.pathId ?? 'formation-action-referents',
      facilitators: spec.team,
    });
    const people = await Promise.all(Array.from({ length: spec.learners }, () => learner('eval')));
    for (const p of people) {
      const r = await call('POST', `/sessions/${s.id}/enrolments`, { token: p.token, body: {} });
      expect(r.status, r.text).toBe(201);
    }
    scheduled.push({ ...s, learners: people });
  }
  const base = Date.now() + 1_500;
  const moved: (Delivered & { start: string })[] = [];
  for (const [i, s] of scheduled.entries()) {
    const start = new Date(Math.max(base + i * 2_200, Date.now() + 300)).toISOString();
    const end = new Date(Date.parse(start) + 2_000).toISOString();
    let last = '';
    let done = false;
    for (let k = 0; k < ROOMS.length && !done; k++) {
      const room = ROOMS[(i + k) % ROOMS.length]!;
      const r = await call<{ start: string; end: string }>('PATCH', `/sessions/${s.id}`, {
        token: await lab(),
        body: { start, end, capacity: 12, ...room },
      });
      last = `${r.status} ${r.text}`;
      if (r.status === 200) done = true;
      else if (!r.text.includes('room-unavailable')) break;
    }
    expect(done, last).toBe(true);
    moved.push({ id: s.id, start, end, moduleId: s.moduleId, learners: s.learners });
  }
  const lastStart = Math.max(...moved.map((s) => Date.parse(s.start)));
  const wait = lastStart - Date.now() + 300;
  if (wait > 0) await sleep(wait);
  for (const [i, s] of moved.entries()) {
    const spec = specs[i]!;
    const present = spec.present ?? spec.learners;
    const partial = spec.partial ?? 0;
    const marks = s.learners.map((p, k) => ({
      learnerId: p.id,
      status: k < present ? 'present' : k < present + partial ? 'partial' : 'absent',
    }));
    const r = await call('PUT', `/sessions/${s.id}/attendance`, { token: await lab(), body: marks });
    expect(r.status, r.text).toBe(200);
  }
  return moved;
}

/** A full response to a session of a module with three objectives. */
export function response(
  overall: number,
  ratings: Record<string, number> = {},
  extra: Record<string, unknown> = {},
) {
  return {
    overall,
    objectives: [overall, overall, overall],
    facilitators: Object.entries(ratings).map(([trainerId, rating]) => ({ trainerId, rating })),
    recommend: overall >= 4,
    ...extra,
  };
}

/** Polls `read` until `done` holds (the stream consumer works asynchronously); drains the stream first. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (v: T) => boolean,
  timeoutMs = 45_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  await drainStream();
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > until) return v;
    await sleep(200);
    await drainStream();
  }
}
