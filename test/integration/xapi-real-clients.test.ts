import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import XAPI from '@xapi/xapi';
import { describe, expect, it } from 'vitest';
import { apiUrl } from './support/client.ts';
import { createCredentials, waitConsistent } from './support/lrs.ts';

/**
 * Real xAPI clients end to end against the local LRS (issue 4, "Done when"): @xapi/xapi (fetch adapter) and TinCanJS
 * (its Node build, xhr2 underneath; no browser globals needed). Each sends, queries and voids Statements and stores
 * state.
 */

const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';

describe('@xapi/xapi client end to end', () => {
  it('sends, queries, voids Statements and stores state', async () => {
    const creds = await createCredentials(['all'], '@xapi/xapi');
    const xapi = new XAPI({
      endpoint: `${apiUrl()}/xapi/`,
      auth: XAPI.toBasicAuth(creds.key, creds.secret),
      version: '1.0.3',
      adapter: 'fetch',
    });
    const about = await xapi.getAbout();
    expect(about.data.version).toContain('1.0.3');

    const actor = {
      objectType: 'Agent' as const,
      name: 'xapi.js',
      mbox: `mailto:xapijs-${randomUUID()}@example.org`,
    };
    const activityId = `https://parcours.example.gouv.fr/xapi/activities/module/${randomUUID()}`;
    const sent = await xapi.sendStatement({
      statement: {
        actor,
        verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
        object: { objectType: 'Activity', id: activityId },
      },
    });
    expect(sent.status).toBe(200);
    const [id] = sent.data;
    const batch = await xapi.sendStatements({
      statements: [
        {
          actor,
          verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' },
          object: { objectType: 'Activity', id: activityId },
        },
        {
          actor,
          verb: { id: 'http://adlnet.gov/expapi/verbs/passed' },
          object: { objectType: 'Activity', id: activityId },
        },
      ],
    });
    expect(batch.data).toHaveLength(2);

    const one = await xapi.getStatement({ statementId: id! });
    expect(one.data.id).toBe(id);
    await waitConsistent(new Date().toISOString());
    const found = await xapi.getStatements({ agent: actor, activity: activityId, limit: 2 });
    expect(found.data.statements).toHaveLength(2);
    expect(found.data.more).toBeTruthy();
    const more = await xapi.getMoreStatements({ more: found.data.more! });
    expect((more.data as { statements: unknown[] }).statements).toHaveLength(1);

    const voided = await xapi.voidStatement({ actor, statementId: id! });
    expect(voided.status).toBe(200);
    const back = await xapi.getVoidedStatement({ voidedStatementId: id! });
    expect(back.data.id).toBe(id);
    await expect(xapi.getStatement({ statementId: id! })).rejects.toBeTruthy();

    await xapi.setState({ agent: actor, activityId, stateId: 'progress', state: { page: 4 } });
    await xapi.createState({ agent: actor, activityId, stateId: 'progress', state: { done: false } });
    const state = await xapi.getState({ agent: actor, activityId, stateId: 'progress' });
    expect(state.data).toEqual({ page: 4, done: false });
    expect((await xapi.getStates({ agent: actor, activityId })).data).toEqual(['progress']);
    await xapi.deleteState({ agent: actor, activityId, stateId: 'progress' });
    expect((await xapi.getStates({ agent: actor, activityId })).data).toEqual([]);
  });
});

// TinCanJS is callback-based CommonJS; typed loosely here on purpose (it ships no types).
interface TinCanLrs {
  saveStatement(s: unknown, cfg: { callback: (err: unknown, xhr: { status: number }) => void }): void;
  saveStatements(
    s: unknown[],
    cfg: { callback: (err: unknown, xhr: { status: number; responseText: string }) => void },
  ): void;
  retrieveStatement(id: string, cfg: { callback: (err: unknown, s: { id: string } | null) => void }): void;
  retrieveVoidedStatement(
    id: string,
    cfg: { callback: (err: unknown, s: { id: string } | null) => void },
  ): void;
  queryStatements(cfg: {
    params: Record<string, unknown>;
    callback: (err: unknown, r: { statements: { id: string }[] }) => void;
  }): void;
  saveState(
    key: string,
    val: unknown,
    cfg: Record<string, unknown> & { callback: (err: unknown, v: unknown) => void },
  ): void;
  retrieveState(
    key: string,
    cfg: Record<string, unknown> & { callback: (err: unknown, s: { contents: unknown }) => void },
  ): void;
}
interface TinCanModule {
  LRS: new (cfg: Record<string, unknown>) => TinCanLrs;
  Statement: new (cfg: Record<string, unknown>) => { id: string };
  Agent: new (cfg: Record<string, unknown>) => unknown;
  Activity: new (cfg: Record<string, unknown>) => unknown;
  StatementRef: new (cfg: Record<string, unknown>) => unknown;
}

function promised<T>(run: (cb: (err: unknown, v: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    run((err, v) => (err ? reject(new Error(`TinCan error ${String(err)}`)) : resolve(v))),
  );
}

describe('TinCanJS client end to end', () => {
  it('sends, queries, voids Statements and stores state', async () => {
    const TinCan = createRequire(import.meta.url)('tincanjs') as TinCanModule;
    const creds = await createCredentials(['all'], 'TinCanJS');
    const lrs = new TinCan.LRS({
      endpoint: `${apiUrl()}/xapi/`,
      username: creds.key,
      password: creds.secret,
      // TinCanJS 0.50 knows xAPI up to 1.0.2; the LRS accepts every 1.0.x (Communication 3.3.s3.b5).
      version: '1.0.2',
      allowFail: false,
    });
    const agent = new TinCan.Agent({ name: 'TinCanJS', mbox: `mailto:tincan-${randomUUID()}@example.org` });
    const activity = new TinCan.Activity({
      id: `https://parcours.example.gouv.fr/xapi/activities/module/${randomUUID()}`,
    });
    const first = new TinCan.Statement({
      actor: agent,
      verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
      target: activity,
    });
    const saved = await promised<{ status: number }>((cb) => lrs.saveStatement(first, { callback: cb }));
    expect(saved.status).toBe(204);
    const batch = await promised<{ status: number; responseText: string }>((cb) =>
      lrs.saveStatements(
        [
          new TinCan.Statement({
            actor: agent,
            verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' },
            target: activity,
          }),
          new TinCan.Statement({
            actor: agent,
            verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
            target: activity,
          }),
        ],
        { callback: cb },
      ),
    );
    expect(JSON.parse(batch.responseText)).toHaveLength(2);
    const back = await promised<{ id: string } | null>((cb) =>
      lrs.retrieveStatement(first.id, { callback: cb }),
    );
    expect(back?.id).toBe(first.id);

    await waitConsistent(new Date().toISOString());
    const result = await promised<{ statements: { id: string }[] }>((cb) =>
      lrs.queryStatements({ params: { agent, activity }, callback: cb }),
    );
    expect(result.statements).toHaveLength(3);

    const voiding = new TinCan.Statement({
      actor: agent,
      verb: { id: VOIDED, display: { 'en-US': 'voided' } },
      target: new TinCan.StatementRef({ id: first.id }),
    });
    expect(
      (await promised<{ status: number }>((cb) => lrs.saveStatement(voiding, { callback: cb }))).status,
    ).toBe(204);
    const voided = await promised<{ id: string } | null>((cb) =>
      lrs.retrieveVoidedStatement(first.id, { callback: cb }),
    );
    expect(voided?.id).toBe(first.id);
    await waitConsistent(new Date().toISOString());
    const after = await promised<{ statements: { id: string }[] }>((cb) =>
      lrs.queryStatements({ params: { agent, activity }, callback: cb }),
    );
    expect(after.statements.map((s) => s.id)).not.toContain(first.id);

    await promised<unknown>((cb) =>
      lrs.saveState(
        'bookmark',
        { page: 12 },
        { agent, activity, contentType: 'application/json', callback: cb },
      ),
    );
    const state = await promised<{ contents: unknown }>((cb) =>
      lrs.retrieveState('bookmark', { agent, activity, callback: cb }),
    );
    expect(state.contents).toEqual({ page: 12 });
  });
});
