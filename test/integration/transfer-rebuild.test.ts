import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { LOCAL_REGION, LOCAL_TABLE, localCredentials } from '../../packages/local/src/local-env.ts';
import { call } from './support/client.ts';
import { lab } from './support/fixtures.ts';
import { tableClient } from './support/table.ts';
import { deliverSessions, eventually, registerTrainer, response } from './support/transfer.ts';

type Verification = {
  ok: boolean;
  sources: { sessions: number; responses: number; ladders: number };
  differences: { id: string }[];
};

/** POST /transfer/aggregates/verify until it agrees (other test files write concurrently), or the last answer. */
async function verifyEventually(
  want: (v: Verification) => boolean,
  timeoutMs = 40_000,
): Promise<Verification> {
  return eventually(
    async () => {
      const r = await call<Verification>('POST', '/transfer/aggregates/verify', { token: await lab() });
      expect(r.status).toBe(200);
      return r.body;
    },
    want,
    { timeoutMs, intervalMs: 1_000 },
  );
}

/** The rebuild command's code, run in this process against the test stack's DynamoDB Local. */
async function rebuildInProcess() {
  process.env['TABLE_NAME'] = LOCAL_TABLE;
  process.env['AWS_REGION'] = LOCAL_REGION;
  process.env['AWS_ACCESS_KEY_ID'] = localCredentials().accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = localCredentials().secretAccessKey;
  process.env['DYNAMODB_ENDPOINT'] = inject('dynamoEndpoint');
  const { rebuildTransferData } = await import('../../functions/transfer/rebuild.ts');
  return rebuildTransferData();
}

describe('transfer aggregates: rebuild equals incremental', () => {
  it('what the stream maintained equals a recomputation from the sources; a rebuild repairs damage', {
    timeout: 150_000,
  }, async () => {
    const M = 'intelligence-collective';
    const ext = await registerTrainer('external', { modules: [M] });
    const int = await registerTrainer('internal', { modules: [M] });
    const [s1, s2] = await deliverSessions([
      {
        moduleId: M,
        team: [
          { trainerId: ext.id, role: 'lead' },
          { trainerId: int.id, role: 'co-facilitator' },
        ],
        learners: 3,
      },
      { moduleId: M, team: [{ trainerId: int.id, role: 'lead' }], learners: 2, present: 1, partial: 1 },
    ]);
    for (const [i, p] of s1!.learners.entries()) {
      await call('PUT', `/sessions/${s1!.id}/evaluation`, {
        token: p.token,
        body: response(3 + i, { [int.id]: 4, [ext.id]: 5 }),
      });
    }
    // An edit, and a response by a partially attending learner.
    await call('PUT', `/sessions/${s1!.id}/evaluation`, {
      token: s1!.learners[0]!.token,
      body: response(5, { [int.id]: 5 }),
    });
    await call('PUT', `/sessions/${s2!.id}/evaluation`, {
      token: s2!.learners[1]!.token,
      body: response(2, { [int.id]: 2 }),
    });
    // A sign-off after the facts: certification-dependent facts are recomputed.
    await call('POST', `/trainers/${ext.id}/sign-offs`, {
      token: await lab(),
      body: { moduleId: M, stepId: 'certified-lead', recognition: true, effectiveAt: '2026-01-05T00:00:00Z' },
    });

    const incremental = await verifyEventually((v) => v.ok);
    expect(incremental.differences).toEqual([]);
    expect(incremental.ok).toBe(true);
    expect(incremental.sources.sessions).toBeGreaterThanOrEqual(2);
    expect(incremental.sources.responses).toBeGreaterThanOrEqual(4);

    // Damage: a total changed by hand, a delivery fact and a ladder snapshot lost.
    await tableClient().send(
      new UpdateCommand({
        TableName: LOCAL_TABLE,
        Key: { pk: `agg#mix#module#${M}`, sk: 'total' },
        UpdateExpression: 'ADD v_sessions :five',
        ExpressionAttributeValues: { ':five': 5 },
      }),
    );
    await tableClient().send(
      new DeleteCommand({
        TableName: LOCAL_TABLE,
        Key: { pk: `transfer-session#${s2!.id}`, sk: 'delivery' },
      }),
    );
    await tableClient().send(
      new DeleteCommand({ TableName: LOCAL_TABLE, Key: { pk: `ladder#${M}`, sk: `trainer#${int.id}` } }),
    );
    const damaged = await verifyEventually((v) => v.differences.length >= 3, 5_000);
    const ids = damaged.differences.map((d) => d.id);
    expect(ids).toEqual(
      expect.arrayContaining([`aggregate|mix#module#${M}|total`, `fact|${s2!.id}`, `ladder|${M}|${int.id}`]),
    );

    const rebuilt = await rebuildInProcess();
    const after = rebuilt.ok ? rebuilt : await verifyEventually((v) => v.ok);
    expect(after.differences).toEqual([]);
    expect(after.ok).toBe(true);
  });
});
