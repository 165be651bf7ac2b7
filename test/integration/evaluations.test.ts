import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { statementIdFor } from '../../packages/xapi/src/lms-statements.ts';
import { call, tokenFor, uniqueId } from './support/client.ts';
import { lab, learner } from './support/fixtures.ts';
import { tableClient } from './support/table.ts';
import { deliverSessions, eventually, registerTrainer, response } from './support/transfer.ts';

const MODULE = 'intelligence-collective';
type ErrorBody = { error: { code: string; details?: unknown } };
type Aggregates = {
  minResponses: number;
  items: (
    | {
        key: string;
        hidden: false;
        responses: number;
        overall: { mean: number };
        recommendRate: number;
        facilitatorRating?: { mean: number; ratings: number };
      }
    | { key: string; hidden: true; reason: string }
  )[];
  comments?: string[];
};

async function sessionAggregate(sessionId: string, token?: string) {
  return call<Aggregates>('GET', `/evaluations/aggregates?by=session&sessionId=${sessionId}`, {
    token: token ?? (await lab()),
  });
}

describe('satisfaction evaluations', () => {
  it('one response per attendee, editable; aggregates hidden under 3 responses; anonymous at rest and in xAPI', {
    timeout: 120_000,
  }, async () => {
    const lead = await registerTrainer('internal');
    const co = await registerTrainer('external');
    const [s] = await deliverSessions([
      {
        moduleId: MODULE,
        team: [
          { trainerId: lead.id, role: 'lead' },
          { trainerId: co.id, role: 'co-facilitator' },
        ],
        learners: 5,
        present: 3,
        partial: 1,
      },
    ]);
    type Person = { id: string; token: string };
    const [a, b, c, d, absent] = s!.learners as [Person, Person, Person, Person, Person];
    const put = (who: { token: string }, body: unknown) =>
      call<{ revision: number; overall: number; status: string } & ErrorBody>(
        'PUT',
        `/sessions/${s!.id}/evaluation`,
        { token: who.token, body },
      );

    // Only attendees (present or partial) respond; strangers neither.
    expect((await put(absent, response(4))).body.error.code).toBe('not-an-attendee');
    const stranger = await learner();
    expect((await put(stranger, response(4))).status).toBe(403);

    // The questionnaire fits the session: one answer per objective, ratings only for its leads and co-facilitators.
    expect((await put(a, { ...response(4), objectives: [4, 4] })).status).toBe(400);
    expect((await put(a, response(4, { 'someone-else': 5 }))).status).toBe(400);
    expect(
      (await put(a, response(4, { [lead.id]: 5, [co.id]: 4 }, { comment: 'x'.repeat(2001) }))).status,
    ).toBe(400);

    // First response 201; the same attendee again edits it (200, next revision): never a second response.
    const first = await put(a, response(2, { [lead.id]: 2 }));
    expect(first.status).toBe(201);
    expect(first.body.revision).toBe(1);
    const edit = await put(a, response(5, { [lead.id]: 5, [co.id]: 4 }, { comment: 'Très concret' }));
    expect(edit.status).toBe(200);
    expect(edit.body.revision).toBe(2);

    // Two submissions at once by the same attendee: still one response.
    const [x, y] = await Promise.all([
      put(b, response(4, { [lead.id]: 4 })),
      put(b, response(4, { [lead.id]: 4 })),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 201]);

    // Two responses: hidden, and says why.
    const two = await eventually(
      () => sessionAggregate(s!.id),
      (r) => r.status === 200,
    );
    expect(two.body.items).toEqual([
      { key: s!.id, hidden: true, reason: 'too-few-responses', minResponses: 3 },
    ]);
    expect(two.body.comments).toBeUndefined();

    // The partially attending learner makes three: shown, with the edit (5) counted instead of the first answer (2).
    expect(
      (await put(c, response(3, { [lead.id]: 3, [co.id]: 3 }, { comment: 'Un peu court' }))).status,
    ).toBe(201);
    const three = await eventually(
      () => sessionAggregate(s!.id),
      (r) => r.body.items[0]?.hidden === false,
    );
    const shown = three.body.items[0]!;
    expect(shown).toMatchObject({ hidden: false, responses: 3, overall: { mean: 4 }, recommendRate: 0.67 });
    expect(three.body.comments).toEqual(['Très concret', 'Un peu court']);

    // The lead's own rating: 3 ratings (5, 4, 3); the co-facilitator only 2 (hidden rating, shown overall).
    const leadView = await call<Aggregates>('GET', '/evaluations/aggregates?by=trainer', {
      token: lead.token,
    });
    expect(leadView.body.items[0]).toMatchObject({
      key: lead.id,
      hidden: false,
      responses: 3,
      facilitatorRating: { mean: 4, ratings: 3 },
    });
    const coView = await call<Aggregates>('GET', '/evaluations/aggregates?by=trainer', { token: co.token });
    expect(coView.body.items[0]).toMatchObject({ hidden: false, responses: 3 });
    expect((coView.body.items[0] as { facilitatorRating?: unknown }).facilitatorRating).toBeUndefined();

    // My pending evaluations: submitted ones stay editable (with my answers); d has one to do; absent has none.
    const mine = await call<{
      items: {
        sessionId: string;
        status: string;
        response?: { overall: number };
        questionnaire: { objectives: unknown[]; facilitators: { trainerId: string }[] };
      }[];
    }>('GET', '/me/evaluations/pending', { token: a.token });
    const item = mine.body.items.find((i) => i.sessionId === s!.id)!;
    expect(item).toMatchObject({ status: 'submitted', response: { overall: 5 } });
    expect(item.questionnaire.objectives).toHaveLength(3);
    expect(item.questionnaire.facilitators.map((f) => f.trainerId).sort()).toEqual([lead.id, co.id].sort());
    const todo = await call<{ items: { sessionId: string; status: string }[] }>(
      'GET',
      '/me/evaluations/pending',
      { token: d.token },
    );
    expect(todo.body.items.find((i) => i.sessionId === s!.id)?.status).toBe('to-do');
    const none = await call<{ items: { sessionId: string }[] }>('GET', '/me/evaluations/pending', {
      token: absent.token,
    });
    expect(none.body.items.some((i) => i.sessionId === s!.id)).toBe(false);

    // At rest: three responses, none carrying a learner's identity.
    const stored = await tableClient().send(
      new QueryCommand({
        TableName: 'parcours-local',
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': `evaluation#${s!.id}`, ':p': 'response#' },
      }),
    );
    expect(stored.Items).toHaveLength(3);
    const text = JSON.stringify(stored.Items);
    for (const p of s!.learners) expect(text).not.toContain(p.id);
    expect(stored.Items![0]).toMatchObject({
      entity: 'evaluation-response',
      moduleId: MODULE,
      leadKind: 'mixed',
    });
    expect(stored.Items![0]!['quarter']).toMatch(/^\d{4}-Q[1-4]$/);

    // In the LRS: rated by an anonymous respondent (one per response, per revision), never the learner.
    for (const r of stored.Items!) {
      const id = statementIdFor(`evaluation:${r['responseId']}:${r['revision']}`);
      const got = await tableClient().send(
        new GetCommand({ TableName: 'parcours-local', Key: { pk: `xstmt#${id}`, sk: 'statement' } }),
      );
      const st = JSON.parse(String(got.Item?.['doc'])) as {
        actor: { account: { homePage: string; name: string } };
        verb: { id: string };
        context: Record<string, unknown>;
        result: { score: { scaled: number } };
      };
      expect(st.actor.account).toEqual({
        homePage: 'https://parcours.example.gouv.fr/anonymous-respondents',
        name: r['responseId'],
      });
      expect(st.verb.id).toBe('http://id.tincanapi.com/verb/rated');
      expect(st.context['registration']).toBeUndefined();
      expect(st.result.score.scaled).toBe((Number(r['overall']) - 1) / 4);
      for (const p of s!.learners) expect(String(got.Item?.['doc'])).not.toContain(p.id);
    }
  });

  it('a closed window refuses responses and edits with 409; the lab moves it (recorded)', {
    timeout: 120_000,
  }, async () => {
    const lead = await registerTrainer('internal');
    const [s] = await deliverSessions([
      { moduleId: MODULE, team: [{ trainerId: lead.id, role: 'lead' }], learners: 2 },
    ]);
    const [a, b] = s!.learners as [{ id: string; token: string }, { id: string; token: string }];
    expect(
      (await call('PUT', `/sessions/${s!.id}/evaluation`, { token: a.token, body: response(4) })).status,
    ).toBe(201);

    const past = new Date(Date.now() - 1000).toISOString();
    const close = await call<{ closesAt: string; setBy: string; setAt: string }>(
      'PUT',
      `/sessions/${s!.id}/evaluation-window`,
      {
        token: await lab(),
        body: { closesAt: past, reason: 'closed early for the test' },
      },
    );
    expect(close.status).toBe(200);
    expect(close.body).toMatchObject({ closesAt: past, setBy: 'fixture-lab' });

    const late = await call<ErrorBody>('PUT', `/sessions/${s!.id}/evaluation`, {
      token: b.token,
      body: response(4),
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('evaluation-closed');
    const edit = await call<ErrorBody>('PUT', `/sessions/${s!.id}/evaluation`, {
      token: a.token,
      body: response(1),
    });
    expect(edit.status).toBe(409);
    const pending = await call<{ items: { sessionId: string }[] }>('GET', '/me/evaluations/pending', {
      token: b.token,
    });
    expect(pending.body.items.some((i) => i.sessionId === s!.id)).toBe(false);

    // Re-opened (extended): b may respond again.
    const later = new Date(Date.now() + 86_400_000).toISOString();
    expect(
      (
        await call('PUT', `/sessions/${s!.id}/evaluation-window`, {
          token: await lab(),
          body: { closesAt: later },
        })
      ).status,
    ).toBe(200);
    expect(
      (await call('PUT', `/sessions/${s!.id}/evaluation`, { token: b.token, body: response(4) })).status,
    ).toBe(201);
    // Only the lab moves windows.
    expect(
      (
        await call('PUT', `/sessions/${s!.id}/evaluation-window`, {
          token: lead.token,
          body: { closesAt: later },
        })
      ).status,
    ).toBe(403);
  });

  it('role checks: trainers see only their own ratings and sessions, HR only aggregates, learners nothing', {
    timeout: 120_000,
  }, async () => {
    const lead = await registerTrainer('internal');
    const other = await registerTrainer('internal');
    const [s] = await deliverSessions([
      { moduleId: MODULE, team: [{ trainerId: lead.id, role: 'lead' }], learners: 1 },
    ]);
    const hr = await tokenFor({ userId: uniqueId('hr'), roles: ['hr'] });
    const l = await learner();
    const get = (q: string, token?: string) =>
      call<ErrorBody>('GET', `/evaluations/aggregates?${q}`, token ? { token } : {});

    expect((await get('by=module')).status).toBe(401);
    expect((await get('by=module', l.token)).status).toBe(403);
    // HR: programme dimensions yes; individuals (a trainer, a session) no.
    expect((await get('by=module', hr)).status).toBe(200);
    expect((await get('by=lead-kind', hr)).status).toBe(200);
    const hrTrainer = await get(`by=trainer&trainerId=${lead.id}`, hr);
    expect(hrTrainer.status).toBe(403);
    expect(hrTrainer.body.error.code).toBe('individual-ratings');
    expect((await get(`by=session&sessionId=${s!.id}`, hr)).status).toBe(403);
    // A trainer: their own ratings and sessions only.
    expect((await get('by=trainer', lead.token)).status).toBe(200);
    const foreign = await get(`by=trainer&trainerId=${lead.id}`, other.token);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('not-your-ratings');
    expect((await get(`by=session&sessionId=${s!.id}`, other.token)).status).toBe(403);
    expect((await get(`by=session&sessionId=${s!.id}`, lead.token)).status).toBe(200);
    expect((await get('by=module', lead.token)).status).toBe(403);
    // The lab: everything.
    expect((await get(`by=trainer&trainerId=${lead.id}`, await lab())).status).toBe(200);
    expect((await get(`by=session&moduleId=${MODULE}`, await lab())).status).toBe(200);
    // Evaluating is for learners.
    expect(
      (await call('PUT', `/sessions/${s!.id}/evaluation`, { token: lead.token, body: response(5) })).status,
    ).toBe(403);
    expect((await call('PUT', `/sessions/${s!.id}/evaluation`, { body: response(5) })).status).toBe(401);
  });
});
