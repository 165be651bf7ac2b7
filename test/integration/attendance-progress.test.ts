import { describe, expect, it } from 'vitest';
import { call, tokenFor, uniqueId } from './support/client.ts';
import { createSession, deliveredWithTeam, lab, learner } from './support/fixtures.ts';

type ErrorBody = { error: { code: string; details?: unknown } };
type Progress = {
  paths: {
    pathId: string;
    joined: boolean;
    entryModule: { status: string };
    electivesCompleted: number;
    remaining: { entryModule?: string };
  }[];
  competencies: { competencyId: string; level: string }[];
};

describe('attendance and completion', () => {
  it('present completes the module and grants its competencies; partial and absent do not', async () => {
    const { s, people, leadToken } = await deliveredWithTeam(3);
    const r = await call<{ items: { learnerId: string; status: string; completed: boolean }[] }>(
      'PUT',
      `/sessions/${s.id}/attendance`,
      {
        token: leadToken,
        body: [
          { learnerId: people[0]!.id, status: 'present' },
          { learnerId: people[1]!.id, status: 'partial' },
          { learnerId: people[2]!.id, status: 'absent' },
        ],
      },
    );
    expect(r.status).toBe(200);
    expect(r.body.items.map((i) => i.status)).toEqual(['attended', 'partially-attended', 'no-show']);

    const p0 = await call<Progress>('GET', '/me/progress', { token: people[0]!.token });
    const pass0 = p0.body.paths.find((p) => p.pathId === 'passinnov')!;
    expect(pass0.joined).toBe(true);
    expect(pass0.entryModule.status).toBe('completed');
    expect(pass0.remaining.entryModule).toBeUndefined();
    expect(p0.body.competencies.map((c) => c.competencyId)).toContain('collective-intelligence');

    const p1 = await call<Progress>('GET', '/me/progress', { token: people[1]!.token });
    expect(p1.body.paths.find((p) => p.pathId === 'passinnov')!.entryModule.status).not.toBe('completed');
    expect(p1.body.competencies).toEqual([]);

    // A correction withdraws the completion this session granted.
    const fix = await call('PUT', `/sessions/${s.id}/attendance`, {
      token: leadToken,
      body: [{ learnerId: people[0]!.id, status: 'absent' }],
    });
    expect(fix.status).toBe(200);
    const again = await call<Progress>('GET', '/me/progress', { token: people[0]!.token });
    expect(again.body.competencies).toEqual([]);

    const session = await call<{ status: string }>('GET', `/sessions/${s.id}`, { token: await lab() });
    expect(session.body.status).toBe('completed');
  });

  it('observers, other trainers, learners and HR cannot take attendance; the lab can', async () => {
    const { s, people, observerToken } = await deliveredWithTeam(1);
    const body = [{ learnerId: people[0]!.id, status: 'present' }];
    expect((await call('PUT', `/sessions/${s.id}/attendance`, { token: observerToken, body })).status).toBe(
      403,
    );
    const stranger = await tokenFor({ userId: uniqueId('t'), roles: ['trainer'] });
    expect((await call('PUT', `/sessions/${s.id}/attendance`, { token: stranger, body })).status).toBe(403);
    expect(
      (await call('PUT', `/sessions/${s.id}/attendance`, { token: people[0]!.token, body })).status,
    ).toBe(403);
    const hr = await tokenFor({ userId: 'hr-att', roles: ['hr'] });
    expect((await call('PUT', `/sessions/${s.id}/attendance`, { token: hr, body })).status).toBe(403);
    expect((await call('PUT', `/sessions/${s.id}/attendance`, { token: await lab(), body })).status).toBe(
      200,
    );
  });

  it('attendance is refused before the start, for unknown learners (nothing written), and for bad payloads', async () => {
    const lead = uniqueId('lead');
    const future = await createSession({ facilitators: [{ trainerId: lead, role: 'lead' }] });
    const leadToken = await tokenFor({ userId: lead, roles: ['trainer'] });
    const l = await learner();
    await call('POST', `/sessions/${future.id}/enrolments`, { token: l.token, body: {} });
    const early = await call<ErrorBody>('PUT', `/sessions/${future.id}/attendance`, {
      token: leadToken,
      body: [{ learnerId: l.id, status: 'present' }],
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('attendance-not-open');

    const { s, people, leadToken: t2 } = await deliveredWithTeam(1);
    const mixed = await call<ErrorBody>('PUT', `/sessions/${s.id}/attendance`, {
      token: t2,
      body: [
        { learnerId: people[0]!.id, status: 'present' },
        { learnerId: 'nobody-here', status: 'present' },
      ],
    });
    expect(mixed.status).toBe(409);
    expect(mixed.body.error.code).toBe('attendance-rejected');
    const p = await call<Progress>('GET', '/me/progress', { token: people[0]!.token });
    expect(p.body.competencies).toEqual([]);

    for (const bad of [
      [],
      [{ learnerId: people[0]!.id, status: 'late' }],
      { learnerId: people[0]!.id },
      [
        { learnerId: people[0]!.id, status: 'present' },
        { learnerId: people[0]!.id, status: 'absent' },
      ],
    ]) {
      expect((await call('PUT', `/sessions/${s.id}/attendance`, { token: t2, body: bad })).status).toBe(400);
    }
  });
});

describe('progress and path membership', () => {
  it('joining a path is idempotent and a new learner sees everything remaining', async () => {
    const l = await learner();
    const j1 = await call<{ joinedAt: string; newcomer: boolean }>('POST', '/me/paths/passinnov', {
      token: l.token,
    });
    const j2 = await call<{ joinedAt: string }>('POST', '/me/paths/passinnov', { token: l.token });
    expect(j1.status).toBe(200);
    expect(j2.body.joinedAt).toBe(j1.body.joinedAt);
    expect(j1.body.newcomer).toBe(true);
    expect((await call('POST', '/me/paths/unknown-path', { token: l.token })).status).toBe(404);
    const p = await call<Progress>('GET', '/me/progress', { token: l.token });
    const pass = p.body.paths[0]!;
    expect(pass.pathId).toBe('passinnov');
    expect(pass.remaining.entryModule).toBe('intelligence-collective');
  });

  it('progress is per person: HR and trainers have no learner progress route', async () => {
    const hr = await tokenFor({ userId: 'hr-p', roles: ['hr'] });
    expect((await call('GET', '/me/progress', { token: hr })).status).toBe(403);
    expect((await call('GET', '/me/progress')).status).toBe(401);
  });
});
