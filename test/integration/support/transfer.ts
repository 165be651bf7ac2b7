import { expect } from 'vitest';
import { call, tokenFor, uniqueId } from './client.ts';
import { createSession, lab, learner, moveToRecentPast } from './fixtures.ts';

/** Helpers of the trainer-transfer and evaluation tests: registry entries and sessions actually delivered. */

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

/**
 * Sessions delivered a few minutes ago, one after the other (the same trainers can facilitate them all): each is
 * scheduled in its own future slot, its learners enrol, then the lab moves it to the recent past (2 s long) and
 * takes attendance: the first `present` learners present, the next `partial` partially, the
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
  const moved = await moveToRecentPast(scheduled, { capacity: 12 });
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

export { eventually } from './local.ts';
