import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { agent, createCredentials, lrs, postAndWait, statement, waitConsistent } from './support/lrs.ts';

/**
 * xAPI 1.0.3 Statement resource, reads: Communication 2.1.3 (GET, filters, formats), 2.1.3.s3 (StatementRef
 * targeting), 2.1.4 (voided Statements), Data 2.5 (StatementResult, more). Each test uses its own Agent/Activity.
 */

interface Result {
  statements: {
    id: string;
    stored: string;
    actor: Record<string, unknown>;
    verb: Record<string, unknown>;
    object: Record<string, unknown>;
  }[];
  more: string;
}

const query = (q: Record<string, string>) => lrs<Result>('GET', '/statements', { query: q });
const ids = (r: { body: Result }) => r.body.statements.map((s) => s.id);
const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';

describe('Communication 2.1.3 GET Statements: single', () => {
  it('2.1.3.s2.b1: statementId and voidedStatementId together are 400', async () => {
    const r = await query({ statementId: randomUUID(), voidedStatementId: randomUUID() });
    expect(r.status).toBe(400);
  });

  it('2.1.3.s2.b2: statementId with another parameter than attachments/format is 400', async () => {
    expect((await query({ statementId: randomUUID(), limit: '1' })).status).toBe(400);
    expect((await query({ voidedStatementId: randomUUID(), verb: 'http://x.org/v' })).status).toBe(400);
  });

  it('3.2.s2.b4: an unknown statementId is 404', async () => {
    expect((await query({ statementId: randomUUID() })).status).toBe(404);
  });

  it('2.1.3.s2.b5, s2.b8: single GETs carry X-Experience-API-Consistent-Through and Last-Modified', async () => {
    const [id] = (await lrs<string[]>('POST', '/statements', { json: statement() })).body;
    const r = await lrs<{ stored: string }>('GET', '/statements', { query: { statementId: id! } });
    expect(r.headers.get('x-experience-api-consistent-through')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(r.headers.get('last-modified')).toBe(new Date(r.body.stored).toUTCString());
  });

  it('Communication 1.1.s3.b1: HEAD answers like GET without a body', async () => {
    const [id] = (await lrs<string[]>('POST', '/statements', { json: statement() })).body;
    const r = await lrs('HEAD', '/statements', { query: { statementId: id! } });
    expect(r.status).toBe(200);
    expect(r.text).toBe('');
    expect(r.headers.get('x-experience-api-consistent-through')).toBeTruthy();
    expect((await lrs('HEAD', '/statements', { query: { statementId: randomUUID() } })).status).toBe(404);
  });
});

describe('Communication 2.1.3 GET Statements: filters', () => {
  it('2.1.3.s2.b4: no match is 200 with an empty statements array and more ""', async () => {
    const r = await query({ agent: JSON.stringify(agent()) });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ statements: [], more: '' });
  });

  it('2.1.3 agent: actor or object Agent, members of Groups, not authority/instructor unless related_agents', async () => {
    const me = agent('me');
    const asActor = statement({ actor: me });
    const asObject = statement({ object: me });
    const inGroup = statement({ actor: { objectType: 'Group', member: [me, agent()] } });
    const asInstructor = statement({ context: { instructor: me } });
    const inSub = statement({
      object: {
        objectType: 'SubStatement',
        actor: me,
        verb: { id: 'http://x.org/v' },
        object: { id: 'http://x.org/a' },
      },
    });
    const got = await postAndWait([asActor, asObject, inGroup, asInstructor, inSub]);
    const plain = await query({ agent: JSON.stringify(me) });
    expect(new Set(ids(plain))).toEqual(new Set([got[0], got[1], got[2]]));
    const related = await query({ agent: JSON.stringify(me), related_agents: 'true' });
    expect(new Set(ids(related))).toEqual(new Set(got));
  });

  it('2.1.3 agent: an Agent given by account or openid is matched on that IFI', async () => {
    const byAccount = {
      objectType: 'Agent',
      account: { homePage: 'https://example.org', name: randomUUID() },
    };
    const [id] = await postAndWait([statement({ actor: byAccount })]);
    expect(ids(await query({ agent: JSON.stringify(byAccount) }))).toEqual([id]);
  });

  it('Data 2.2.s4.b4: an invalid agent parameter is 400', async () => {
    expect((await query({ agent: '{"mbox":"not-mailto"}' })).status).toBe(400);
    expect((await query({ agent: 'not json' })).status).toBe(400);
  });

  it('2.1.3 verb, activity, related_activities, registration filters', async () => {
    const activity = `http://example.org/activities/${randomUUID()}`;
    const verb = `http://example.org/verbs/${randomUUID()}`;
    const registration = randomUUID();
    const direct = statement({ object: { id: activity }, verb: { id: verb } });
    const inContext = statement({
      context: { registration, contextActivities: { parent: { id: activity } } },
    });
    const got = await postAndWait([direct, inContext]);
    expect(ids(await query({ activity }))).toEqual([got[0]]);
    expect(new Set(ids(await query({ activity, related_activities: 'true' })))).toEqual(new Set(got));
    expect(ids(await query({ verb }))).toEqual([got[0]]);
    expect(ids(await query({ registration }))).toEqual([got[1]]);
    expect(ids(await query({ registration, verb }))).toEqual([]);
  });

  it('2.1.3 since (exclusive), until (inclusive), ascending, limit and more links (Data 2.5)', async () => {
    const me = agent();
    const first = await postAndWait([statement({ actor: me }), statement({ actor: me })]);
    const middle = await postAndWait([statement({ actor: me })]);
    const last = await postAndWait([statement({ actor: me }), statement({ actor: me })]);
    const a = JSON.stringify(me);
    const all = await query({ agent: a });
    // Reverse stored order by default; within a batch, the batch order.
    expect(ids(all)).toEqual([last[1], last[0], middle[0], first[1], first[0]]);
    expect(ids(await query({ agent: a, ascending: 'true' }))).toEqual([
      first[0],
      first[1],
      middle[0],
      last[0],
      last[1],
    ]);
    const stored = all.body.statements.find((s) => s.id === middle[0])!.stored;
    expect(ids(await query({ agent: a, since: stored }))).toEqual([last[1], last[0]]);
    expect(ids(await query({ agent: a, until: stored }))).toEqual([middle[0], first[1], first[0]]);
    // Pages of 2 through `more`, relative URLs (Data 2.5.s2 "more": relative IRL).
    const seen: string[] = [];
    let page = await query({ agent: a, limit: '2' });
    for (let n = 0; n < 5; n++) {
      seen.push(...ids(page));
      if (!page.body.more) break;
      expect(page.body.more).toMatch(/^\/xapi\/statements\?more=/);
      const more = new URL(page.body.more, 'http://x');
      page = await lrs<Result>('GET', '/statements', { rawQuery: more.search.slice(1) });
      expect(page.status).toBe(200);
    }
    expect(seen).toEqual(ids(all));
  });

  it('2.1.3: invalid filter values are 400 (IRI, UUID, timestamp, boolean, limit, format)', async () => {
    const invalid: Record<string, string>[] = [
      { verb: 'not an iri' },
      { activity: 'nope' },
      { registration: '123' },
      { since: 'yesterday' },
      { until: '2024-01-01T00:00:00' },
      { ascending: 'yes' },
      { related_agents: 'TRUE' },
      { limit: '-1' },
      { limit: 'ten' },
      { format: 'full' },
      { attachments: '1' },
      { more: 'forged' },
    ];
    for (const q of invalid) {
      expect((await query(q)).status, JSON.stringify(q)).toBe(400);
    }
  });

  it('2.1.3.s2.b5: query responses carry X-Experience-API-Consistent-Through, an ISO 8601 instant not in the future', async () => {
    const r = await query({ limit: '1' });
    const header = r.headers.get('x-experience-api-consistent-through') ?? '';
    expect(header).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(header)).toBeLessThanOrEqual(Date.now());
  });
});

describe('Communication 2.1.3 formats (format=ids, exact, canonical)', () => {
  it('ids keeps only identifying properties; exact returns the Statement as stored; canonical picks one language', async () => {
    const me = { ...agent('Named'), objectType: 'Agent' };
    const activity = `http://example.org/activities/${randomUUID()}`;
    const s = statement({
      actor: me,
      verb: { id: 'http://example.org/verbs/v', display: { 'en-US': 'did', 'fr-FR': 'a fait' } },
      object: {
        id: activity,
        definition: { name: { 'en-US': 'Thing', 'fr-FR': 'Chose' }, type: 'http://example.org/types/t' },
      },
    });
    const [id] = await postAndWait([s]);
    const exact = await lrs<Record<string, Record<string, unknown>>>('GET', '/statements', {
      query: { statementId: id! },
    });
    expect(exact.body['actor']).toEqual(me);
    const idsFmt = await lrs<Record<string, Record<string, unknown>>>('GET', '/statements', {
      query: { statementId: id!, format: 'ids' },
    });
    expect(idsFmt.body['actor']).toEqual({ objectType: 'Agent', mbox: me.mbox });
    expect(idsFmt.body['verb']).toEqual({ id: 'http://example.org/verbs/v' });
    expect(idsFmt.body['object']).toEqual({ objectType: 'Activity', id: activity });
    const canonical = await lrs<{ object: { definition: { name: Record<string, string> } } }>(
      'GET',
      '/statements',
      {
        query: { statementId: id!, format: 'canonical' },
        headers: { 'accept-language': 'fr-FR, en;q=0.5' },
      },
    );
    expect(canonical.body.object.definition.name).toEqual({ 'fr-FR': 'Chose' });
  });
});

describe('Communication 2.1.3.s3 StatementRef targeting and 2.1.4 voided Statements in queries', () => {
  it('a Statement referencing a matching Statement matches too (recursively); voided ones are excluded, their voiding Statement returned', async () => {
    const me = agent();
    const [target] = await postAndWait([statement({ actor: me })]);
    const [ref] = await postAndWait([statement({ object: { objectType: 'StatementRef', id: target } })]);
    const [refOfRef] = await postAndWait([statement({ object: { objectType: 'StatementRef', id: ref } })]);
    const a = JSON.stringify(me);
    expect(new Set(ids(await query({ agent: a })))).toEqual(new Set([target, ref, refOfRef]));
    const [voider] = await postAndWait([
      statement({ verb: { id: VOIDED }, object: { objectType: 'StatementRef', id: target } }),
    ]);
    // 2.1.4.s1.b1: the voided target is not returned; b2: Statements targeting it, the voiding one included, are.
    expect(new Set(ids(await query({ agent: a })))).toEqual(new Set([ref, refOfRef, voider]));
  });

  it("2.1.3.s3: a referencing Statement stored before its target picks up the target's keys once the target arrives", async () => {
    const me = agent();
    const targetId = randomUUID();
    const [ref] = await postAndWait([statement({ object: { objectType: 'StatementRef', id: targetId } })]);
    await postAndWait([statement({ id: targetId, actor: me })]);
    expect(new Set(ids(await query({ agent: JSON.stringify(me) })))).toEqual(new Set([targetId, ref]));
  });
});

describe('Communication 4.2 statements/read/mine', () => {
  it('a credential with statements/read/mine sees only the Statements it wrote', async () => {
    const mine = await createCredentials(['statements/write', 'statements/read/mine']);
    const activity = `http://example.org/activities/${randomUUID()}`;
    const [other] = await postAndWait([statement({ object: { id: activity } })]);
    const own = await lrs<string[]>('POST', '/statements', {
      creds: mine,
      json: statement({ object: { id: activity } }),
    });
    await waitConsistent(new Date().toISOString());
    const r = await lrs<Result>('GET', '/statements', { creds: mine, query: { activity } });
    expect(ids(r)).toEqual(own.body);
    expect((await lrs('GET', '/statements', { creds: mine, query: { statementId: other! } })).status).toBe(
      404,
    );
    expect(
      (await lrs('GET', '/statements', { creds: mine, query: { statementId: own.body[0]! } })).status,
    ).toBe(200);
  });
});
