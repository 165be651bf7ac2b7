import { describe, expect, it } from 'vitest';
import { call } from './support/client.ts';
import { createSession, learner } from './support/fixtures.ts';

type Suggested = { items: { moduleId: string; reason: string; sessions: { id: string; start: string }[] }[] };
type CatchUp = {
  paths: {
    pathId: string;
    newcomer: boolean;
    missed: { moduleId: string; cohortSessionsHeld: number; nextSessions: { id: string }[] }[];
    coach?: { moduleId: string; nextSessions: { id: string }[] };
  }[];
};

describe('session finder and catch-up', () => {
  it('suggests the entry module first, then electives after the booked entry session ends', async () => {
    const entry = await createSession({ moduleId: 'intelligence-collective' }, { daysFromNow: 30 });
    const before = await createSession({ moduleId: 'storytelling' }, { daysFromNow: 20 });
    const after = await createSession({ moduleId: 'storytelling' }, { daysFromNow: 40 });
    const l = await learner();
    const s1 = await call<Suggested>('GET', '/me/sessions/suggested', { token: l.token });
    expect(s1.status).toBe(200);
    expect(s1.body.items[0]?.moduleId).toBe('intelligence-collective');
    expect(s1.body.items.every((i) => i.reason === 'entry-module')).toBe(true);
    expect(s1.body.items[0]!.sessions.map((s) => s.id)).toContain(entry.id);

    expect(
      (await call('POST', `/sessions/${entry.id}/enrolments`, { token: l.token, body: {} })).status,
    ).toBe(201);
    const s2 = await call<Suggested>('GET', '/me/sessions/suggested', { token: l.token });
    const story = s2.body.items.find((i) => i.moduleId === 'storytelling');
    expect(story?.reason).toBe('elective');
    const ids = story!.sessions.map((s) => s.id);
    expect(ids).not.toContain(before.id);
    expect(ids).toContain(after.id);
    expect(s2.body.items.some((i) => i.moduleId === 'intelligence-collective')).toBe(false);
  });

  it('rejects unknown filters and paths', async () => {
    const l = await learner();
    expect((await call('GET', '/me/sessions/suggested?pathId=nope', { token: l.token })).status).toBe(400);
    expect((await call('GET', '/me/sessions/suggested?colour=red', { token: l.token })).status).toBe(400);
  });

  it('a newcomer gets the modules the cohort already held, with next sessions, and the coach module', async () => {
    await createSession(
      { moduleId: 'facilitation', pathId: 'formation-action-referents' },
      { daysFromNow: -15 },
    );
    const next = await createSession(
      { moduleId: 'facilitation', pathId: 'formation-action-referents' },
      { daysFromNow: 25 },
    );
    const coach = await createSession(
      { moduleId: 'accompagnement-nouveaux-arrivants', pathId: 'formation-action-referents' },
      { daysFromNow: 12 },
    );
    const l = await learner();
    await call('POST', '/me/paths/formation-action-referents', { token: l.token });
    const plan = await call<CatchUp>('GET', '/me/catch-up', { token: l.token });
    expect(plan.status).toBe(200);
    const p = plan.body.paths.find((x) => x.pathId === 'formation-action-referents')!;
    expect(p.newcomer).toBe(true);
    const fac = p.missed.find((m) => m.moduleId === 'facilitation');
    expect(fac?.cohortSessionsHeld).toBeGreaterThanOrEqual(1);
    expect(fac?.nextSessions.map((s) => s.id)).toContain(next.id);
    expect(p.coach?.moduleId).toBe('accompagnement-nouveaux-arrivants');
    expect(p.coach?.nextSessions.map((s) => s.id)).toContain(coach.id);

    // Once booked with a seat, a module leaves the plan (here the entry module, which has no prerequisite).
    await createSession(
      { moduleId: 'intelligence-collective', pathId: 'formation-action-referents' },
      { daysFromNow: -20 },
    );
    const entry = await createSession(
      { moduleId: 'intelligence-collective', pathId: 'formation-action-referents' },
      { daysFromNow: 6 },
    );
    const missedNow = async () =>
      (await call<CatchUp>('GET', '/me/catch-up', { token: l.token })).body.paths
        .find((x) => x.pathId === 'formation-action-referents')!
        .missed.map((m) => m.moduleId);
    expect(await missedNow()).toContain('intelligence-collective');
    const booked = await call<{ status: string }>('POST', `/sessions/${entry.id}/enrolments`, {
      token: l.token,
      body: {},
    });
    expect(booked.status, booked.text).toBe(201);
    expect(await missedNow()).not.toContain('intelligence-collective');
  });
});
