import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { statementIdFor } from '../../packages/xapi/src/lms-statements.ts';
import { call, tokenFor, uniqueId } from './support/client.ts';
import { createSession, lab } from './support/fixtures.ts';
import { tableClient } from './support/table.ts';
import { deliverSessions, eventually, registerTrainer, response } from './support/transfer.ts';

/**
 * The transfer, end to end through the API: an external provider's certified lead, an internal trainer climbing the
 * ladder (observe → co-facilitate → lead under observation, signed off by the certified lead), the delivery mix,
 * staffing checks with pairing suggestions and a recorded override, facilitation Statements, role checks.
 * Uses the coach module, which no other test delivers, so the module's KPI deltas are exact.
 */
const M = 'accompagnement-nouveaux-arrivants';
type ErrorBody = { error: { code: string; details?: unknown } };
type Ladder = {
  modules: {
    moduleId: string;
    currentStep: string | null;
    steps: { id: string; status: string; signOff?: { by: string; byRole: string } }[];
    counts: Record<string, number>;
    ratings: { count: number; mean: number | null };
  }[];
};
type Kpi = {
  points: {
    period: string;
    sessions: { total: number; external: number; mixed: number; internal: number };
  }[];
  total: {
    sessions: { total: number; external: number; mixed: number; internal: number };
    internalShare: number | null;
  };
};
type Staffing = {
  ok: boolean;
  warnings: { code: string; severity: string; overridden?: boolean }[];
  override?: { by: string; reason?: string };
  suggestions: { trainerId: string; role: string; forStep: string; pairWith?: string; reason: string }[];
};

const kpi = async (q: string) => (await call<Kpi>('GET', `/transfer/kpi?${q}`, { token: await lab() })).body;

describe('trainer transfer', () => {
  it('ladder, sign-offs, delivery mix, staffing checks, facilitation statements', {
    timeout: 120_000,
  }, async () => {
    const ext = await registerTrainer('external', { modules: [M] });
    const int1 = await registerTrainer('internal', { modules: [M] });
    const int2 = await registerTrainer('internal', { modules: [M] });

    // The provider's lead is recognised as certified (lab only, dated back); a trainer cannot recognise anyone.
    const refused = await call<ErrorBody>('POST', `/trainers/${ext.id}/sign-offs`, {
      token: int1.token,
      body: { moduleId: M, stepId: 'certified-lead', recognition: true },
    });
    expect(refused.status).toBe(403);
    const recognised = await call<{ basis: string; at: string; ladder: { certified: boolean } }>(
      'POST',
      `/trainers/${ext.id}/sign-offs`,
      {
        token: await lab(),
        body: {
          moduleId: M,
          stepId: 'certified-lead',
          recognition: true,
          effectiveAt: '2026-01-05T00:00:00Z',
          note: 'Prestataire certifié',
        },
      },
    );
    expect(recognised.status, JSON.stringify(recognised.body)).toBe(201);
    expect(recognised.body).toMatchObject({
      basis: 'recognition',
      at: '2026-01-05T00:00:00.000Z',
      ladder: { certified: true },
    });

    const before = await kpi(`moduleId=${M}`);
    const beforePath = await kpi('pathId=formation-action-referents');

    const [s1, s2, , s4] = await deliverSessions([
      {
        moduleId: M,
        team: [
          { trainerId: ext.id, role: 'lead' },
          { trainerId: int1.id, role: 'observer' },
        ],
        learners: 1,
      },
      {
        moduleId: M,
        team: [
          { trainerId: ext.id, role: 'lead' },
          { trainerId: int1.id, role: 'co-facilitator' },
        ],
        learners: 3,
      },
      {
        moduleId: M,
        team: [
          { trainerId: ext.id, role: 'lead' },
          { trainerId: int1.id, role: 'co-facilitator' },
        ],
        learners: 1,
      },
      {
        moduleId: M,
        team: [
          { trainerId: int1.id, role: 'lead' },
          { trainerId: ext.id, role: 'co-facilitator' },
        ],
        learners: 1,
      },
    ]);
    // The co-facilitated session's attendees rate int1 (5, 4, 4): enough ratings for the co-facilitator step.
    for (const [i, p] of s2!.learners.entries()) {
      const r = await call('PUT', `/sessions/${s2!.id}/evaluation`, {
        token: p.token,
        body: response([5, 4, 4][i]!, { [int1.id]: [5, 4, 4][i]!, [ext.id]: 5 }),
      });
      expect(r.status).toBe(201);
    }

    // The ladder, from facts: observed 1, co-facilitated 2 (rated 4.33 over 3), led 1 with a certified lead present.
    const ladder = await eventually(
      () => call<Ladder>('GET', `/trainers/${int1.id}/ladder?moduleId=${M}`, { token: int1.token }),
      (r) => r.body.modules?.[0]?.steps[2]?.status === 'awaiting-sign-off',
    );
    const mine = ladder.body.modules[0]!;
    expect(mine.counts).toMatchObject({
      observed: 1,
      coFacilitated: 2,
      led: 1,
      ledWithCertified: 1,
      credited: 4,
    });
    expect(mine.ratings).toEqual({ count: 3, mean: 4.33 });
    expect(mine.steps.map((s) => s.status)).toEqual([
      'achieved',
      'achieved',
      'awaiting-sign-off',
      'locked',
      'locked',
    ]);

    // Sign-offs: not by an uncertified colleague, not by oneself, not for a step reached from facts alone, not before
    // its criteria; by the certified lead once; never twice.
    const signOff = (token: string, stepId: string) =>
      call<ErrorBody & { byRole: string }>('POST', `/trainers/${int1.id}/sign-offs`, {
        token,
        body: { moduleId: M, stepId },
      });
    expect((await signOff(int2.token, 'lead-under-observation')).status).toBe(403);
    expect((await signOff(int1.token, 'lead-under-observation')).status).toBe(403);
    expect((await signOff(await lab(), 'observer')).body.error.code).toBe('step-not-signed-off');
    expect((await signOff(ext.token, 'certified-lead')).body.error.code).toBe('criteria-not-met');
    const signed = await signOff(ext.token, 'lead-under-observation');
    expect(signed.status).toBe(201);
    expect(signed.body.byRole).toBe('certified');
    expect((await signOff(await lab(), 'lead-under-observation')).body.error.code).toBe('already-signed-off');
    const after = await call<Ladder>('GET', `/trainers/${int1.id}/ladder`, { token: await lab() });
    const onM = after.body.modules.find((m) => m.moduleId === M)!;
    expect(onM.currentStep).toBe('lead-under-observation');
    expect(onM.steps[2]!.signOff).toMatchObject({ by: ext.id, byRole: 'certified' });

    // Delivery mix: one 100% external session, three mixed; the path holding the module moves the same way.
    const now = await eventually(
      () => kpi(`moduleId=${M}`),
      (k) => k.total.sessions.total === before.total.sessions.total + 4,
    );
    expect(now.total.sessions.total - before.total.sessions.total).toBe(4);
    expect(now.total.sessions.external - before.total.sessions.external).toBe(1);
    expect(now.total.sessions.mixed - before.total.sessions.mixed).toBe(3);
    const path = await kpi('pathId=formation-action-referents&granularity=quarter');
    expect(path.total.sessions.total - beforePath.total.sessions.total).toBeGreaterThanOrEqual(4);
    const month = now.points[now.points.length - 1]!;
    expect(month.sessions.total).toBeGreaterThanOrEqual(4);

    // Every facilitation emitted its Statement, the session as object.
    const statement = async (sessionId: string, trainerId: string, role: string) => {
      const id = statementIdFor(`facilitation:${sessionId}:${trainerId}:${role}`);
      const r = await tableClient().send(
        new GetCommand({ TableName: 'parcours-local', Key: { pk: `xstmt#${id}`, sk: 'statement' } }),
      );
      return r.Item
        ? (JSON.parse(String(r.Item['doc'])) as { verb: { id: string }; object: { id: string } })
        : undefined;
    };
    expect((await statement(s1!.id, int1.id, 'observer'))?.verb.id).toMatch(/\/observed$/);
    expect((await statement(s4!.id, int1.id, 'lead'))?.verb.id).toMatch(/\/facilitated$/);
    expect((await statement(s4!.id, ext.id, 'co-facilitator'))?.object.id).toContain(s4!.id);

    // The evaluation window of a completed session: end + 14 days.
    const w = await tableClient().send(
      new GetCommand({ TableName: 'parcours-local', Key: { pk: `evaluation#${s4!.id}`, sk: 'window' } }),
    );
    expect(w.Item).toMatchObject({
      entity: 'evaluation-window',
      opensAt: s4!.end,
      closesAt: new Date(Date.parse(s4!.end) + 14 * 86_400_000).toISOString(),
    });

    // Staffing: int1 alone has no certified lead; with the certified lead present, it is a lead under observation.
    const check = async (facilitators: unknown) =>
      call<Staffing>('POST', '/transfer/staffing-check', {
        token: await lab(),
        body: { moduleId: M, start: '2031-03-03T08:30:00Z', end: '2031-03-03T10:00:00Z', facilitators },
      });
    const alone = await check([{ trainerId: int1.id, role: 'lead' }]);
    expect(alone.body.ok).toBe(false);
    expect(alone.body.warnings.map((x) => x.code)).toContain('no-certified-lead');
    const observed = await check([
      { trainerId: int1.id, role: 'lead' },
      { trainerId: ext.id, role: 'co-facilitator' },
    ]);
    expect(observed.body.ok).toBe(true);
    expect(observed.body.warnings.map((x) => x.code)).toEqual(['lead-under-observation']);

    // A scheduled external-only session: suggestions pair the certified external lead with internal trainers.
    const future = await createSession({
      moduleId: M,
      pathId: 'formation-action-referents',
      facilitators: [{ trainerId: ext.id, role: 'lead' }],
    });
    const suggested = await call<Staffing>('GET', `/sessions/${future.id}/staffing-check`, {
      token: await lab(),
    });
    expect(suggested.body.ok).toBe(true);
    expect(suggested.body.warnings.map((x) => x.code)).toContain('no-internal-trainer');
    expect(suggested.body.suggestions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          trainerId: int2.id,
          role: 'observer',
          forStep: 'observer',
          pairWith: ext.id,
        }),
        expect.objectContaining({
          trainerId: int1.id,
          role: 'lead',
          forStep: 'certified-lead',
          pairWith: ext.id,
        }),
      ]),
    );

    // No certified lead: warned; the lab overrides, recorded with who and why.
    const risky = await createSession({
      moduleId: M,
      pathId: 'formation-action-referents',
      facilitators: [{ trainerId: int1.id, role: 'lead' }],
    });
    const warned = await call<Staffing>('GET', `/sessions/${risky.id}/staffing-check`, {
      token: await lab(),
    });
    expect(warned.body.ok).toBe(false);
    const overridden = await call<Staffing>('PUT', `/sessions/${risky.id}/staffing-override`, {
      token: await lab(),
      body: { reason: 'Prestataire indisponible ce jour-là' },
    });
    expect(overridden.status).toBe(200);
    expect(overridden.body.ok).toBe(true);
    expect(overridden.body.override).toMatchObject({
      by: 'fixture-lab',
      reason: 'Prestataire indisponible ce jour-là',
    });
    expect(overridden.body.warnings.find((x) => x.code === 'no-certified-lead')?.overridden).toBe(true);
    expect((await call('GET', `/sessions/${risky.id}/staffing-check`, { token: int1.token })).status).toBe(
      403,
    );

    // Forecast, alerts and quality answer for the module (HR may read them; trainers may not).
    const hr = await tokenFor({ userId: uniqueId('hr'), roles: ['hr'] });
    const forecast = await call<{ items: { moduleId: string; status: string }[] }>(
      'GET',
      `/transfer/forecast?moduleId=${M}`,
      { token: hr },
    );
    expect(forecast.status).toBe(200);
    expect(forecast.body.items[0]!.moduleId).toBe(M);
    expect((await call('GET', '/transfer/alerts', { token: hr })).status).toBe(200);
    const quality = await call<{ items: { moduleId: string; external: { hidden: boolean } }[] }>(
      'GET',
      `/transfer/quality?moduleId=${M}`,
      { token: hr },
    );
    expect(quality.body.items[0]!.moduleId).toBe(M);
    for (const p of ['/transfer/kpi', '/transfer/forecast', '/transfer/alerts', '/transfer/quality']) {
      expect((await call('GET', p, { token: int1.token })).status).toBe(403);
      expect((await call('GET', p)).status).toBe(401);
    }

    // A change of kind applies from now on: the sessions already delivered keep their class.
    const moved = await call<{ kindHistory: { kind: string }[] }>('PUT', `/trainers/${int2.id}`, {
      token: await lab(),
      body: { name: 'Moved', kind: 'external', organisation: 'Cabinet', modules: [M] },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.kindHistory.map((k) => k.kind)).toEqual(['internal', 'external']);
  });

  it('role checks on the registry and the ladders', { timeout: 120_000 }, async () => {
    const a = await registerTrainer('internal');
    const b = await registerTrainer('internal');
    const hr = await tokenFor({ userId: uniqueId('hr'), roles: ['hr'] });
    const learnerToken = await tokenFor({ userId: uniqueId('l'), roles: ['learner'] });
    // A trainer: their own record and ladder only.
    expect((await call('GET', `/trainers/${a.id}`, { token: a.token })).status).toBe(200);
    const other = await call<ErrorBody>('GET', `/trainers/${b.id}`, { token: a.token });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('not-your-record');
    expect((await call('GET', `/trainers/${b.id}/ladder`, { token: a.token })).status).toBe(403);
    expect((await call('GET', `/trainers/${a.id}/ladder`, { token: a.token })).status).toBe(200);
    expect((await call('GET', '/trainers', { token: a.token })).status).toBe(403);
    expect(
      (
        await call('PUT', `/trainers/${a.id}`, {
          token: a.token,
          body: { name: 'x', kind: 'internal', homeServiceId: 'drfip' },
        })
      ).status,
    ).toBe(403);
    // HR and learners: no individual ladder; nobody without a token.
    expect((await call('GET', `/trainers/${a.id}/ladder`, { token: hr })).status).toBe(403);
    expect((await call('GET', `/trainers/${a.id}/ladder`, { token: learnerToken })).status).toBe(403);
    expect((await call('GET', `/trainers/${a.id}/ladder`)).status).toBe(401);
    // The lab: everyone; validation of registry entries.
    expect((await call('GET', `/trainers/${b.id}/ladder`, { token: await lab() })).status).toBe(200);
    const list = await call<{ items: { id: string }[] }>('GET', '/trainers', { token: await lab() });
    expect(list.body.items.map((t) => t.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(
      (
        await call('PUT', `/trainers/${uniqueId('x')}`, {
          token: await lab(),
          body: { name: 'x', kind: 'internal' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call('PUT', `/trainers/${uniqueId('x')}`, {
          token: await lab(),
          body: { name: 'x', kind: 'internal', homeServiceId: 'nope' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call('PUT', `/trainers/${uniqueId('x')}`, {
          token: await lab(),
          body: { name: 'x', kind: 'external', organisation: 'O', modules: ['nope'] },
        })
      ).status,
    ).toBe(400);
  });
});
