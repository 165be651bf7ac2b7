import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { agent, lrs } from './support/lrs.ts';

/**
 * xAPI 1.0.3 document resources: Communication 2.2 (documents, JSON merge), 2.3 (State), 2.6 (Agent Profile),
 * 2.7 (Activity Profile), 3.1 (concurrency: ETag, If-Match, If-None-Match, 409/412).
 */

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

function stateContext(extra: Record<string, string> = {}) {
  return {
    activityId: `http://example.org/activities/${randomUUID()}`,
    agent: JSON.stringify(agent()),
    ...extra,
  };
}

describe('Communication 2.3 State resource', () => {
  it('2.3.s3: PUT then GET returns the document, its Content-Type, a quoted SHA-1 ETag (3.1.s4.b2, b4) and Last-Modified', async () => {
    const q = { ...stateContext(), stateId: 'bookmark' };
    const body = '{"page":3}';
    expect(
      (
        await lrs('PUT', '/activities/state', {
          query: q,
          body,
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(204);
    const r = await lrs('GET', '/activities/state', { query: q });
    expect(r.status).toBe(200);
    expect(r.text).toBe(body);
    expect(r.headers.get('content-type')).toBe('application/json');
    expect(r.headers.get('etag')).toBe(`"${sha1(body)}"`);
    expect(r.headers.get('last-modified')).toBeTruthy();
    const head = await lrs('HEAD', '/activities/state', { query: q });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(`"${sha1(body)}"`);
  });

  it('2.2: documents of any content type are stored as given (binary included)', async () => {
    const q = { ...stateContext(), stateId: 'blob' };
    const data = Buffer.from([0, 1, 2, 255, 254, 10, 13]);
    await lrs('PUT', '/activities/state', {
      query: q,
      body: data,
      headers: { 'content-type': 'application/octet-stream' },
    });
    const r = await lrs('GET', '/activities/state', { query: q });
    expect(r.bytes.equals(data)).toBe(true);
    expect(r.headers.get('content-type')).toBe('application/octet-stream');
  });

  it('2.2: a document larger than one item (600 KB) round-trips', async () => {
    const q = { ...stateContext(), stateId: 'big' };
    const big = 'x'.repeat(600 * 1024);
    expect(
      (
        await lrs('PUT', '/activities/state', {
          query: q,
          body: big,
          headers: { 'content-type': 'text/plain' },
        })
      ).status,
    ).toBe(204);
    expect((await lrs('GET', '/activities/state', { query: q })).text).toBe(big);
  });

  it('2.3.s3: registration is part of the context; 404 for a missing document (3.2.s2.b4)', async () => {
    const base = stateContext();
    const registration = randomUUID();
    await lrs('PUT', '/activities/state', { query: { ...base, registration, stateId: 's' }, json: { r: 1 } });
    expect((await lrs('GET', '/activities/state', { query: { ...base, stateId: 's' } })).status).toBe(404);
    expect(
      (await lrs('GET', '/activities/state', { query: { ...base, registration, stateId: 's' } })).status,
    ).toBe(200);
  });

  it('2.3.s4: multiple GET lists the stateIds, filtered by since (exclusive) and registration', async () => {
    const base = stateContext();
    const registration = randomUUID();
    await lrs('PUT', '/activities/state', { query: { ...base, stateId: 'a' }, json: {} });
    // Not a business rule: the LRS stamps documents with the wall clock at millisecond resolution, and `since` is
    // exclusive; 20 ms on each side keeps the three stamps distinct.
    await new Promise((r) => setTimeout(r, 20));
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await lrs('PUT', '/activities/state', { query: { ...base, stateId: 'b' }, json: {} });
    await lrs('PUT', '/activities/state', { query: { ...base, registration, stateId: 'c' }, json: {} });
    const all = await lrs<string[]>('GET', '/activities/state', { query: base });
    expect(all.status).toBe(200);
    expect(new Set(all.body)).toEqual(new Set(['a', 'b', 'c']));
    expect(all.headers.get('etag')).toMatch(/^"[0-9a-f]{40}"$/);
    expect(
      new Set((await lrs<string[]>('GET', '/activities/state', { query: { ...base, since } })).body),
    ).toEqual(new Set(['b', 'c']));
    expect(
      (await lrs<string[]>('GET', '/activities/state', { query: { ...base, registration } })).body,
    ).toEqual(['c']);
  });

  it("2.3.s5: DELETE without stateId deletes the context's documents; with stateId, one", async () => {
    const base = stateContext();
    await lrs('PUT', '/activities/state', { query: { ...base, stateId: 'a' }, json: {} });
    await lrs('PUT', '/activities/state', { query: { ...base, stateId: 'b' }, json: {} });
    expect((await lrs('DELETE', '/activities/state', { query: { ...base, stateId: 'a' } })).status).toBe(204);
    expect((await lrs<string[]>('GET', '/activities/state', { query: base })).body).toEqual(['b']);
    expect((await lrs('DELETE', '/activities/state', { query: base })).status).toBe(204);
    expect((await lrs<string[]>('GET', '/activities/state', { query: base })).body).toEqual([]);
  });

  it('2.2.s7-s8: POST merges top-level properties of JSON objects (204); non-JSON merges are 400 and change nothing', async () => {
    const q = { ...stateContext(), stateId: 'vars' };
    await lrs('POST', '/activities/state', { query: q, json: { x: 'foo', y: 'bar' } });
    expect((await lrs('POST', '/activities/state', { query: q, json: { x: 'bash', z: 'faz' } })).status).toBe(
      204,
    );
    expect((await lrs('GET', '/activities/state', { query: q })).body).toEqual({
      x: 'bash',
      y: 'bar',
      z: 'faz',
    });
    const bad = await lrs('POST', '/activities/state', {
      query: q,
      body: 'plain',
      headers: { 'content-type': 'text/plain' },
    });
    expect(bad.status).toBe(400);
    const notObject = await lrs('POST', '/activities/state', {
      query: q,
      body: '[1]',
      headers: { 'content-type': 'application/json' },
    });
    expect(notObject.status).toBe(400);
    expect((await lrs('GET', '/activities/state', { query: q })).body).toEqual({
      x: 'bash',
      y: 'bar',
      z: 'faz',
    });
    const textDoc = { ...stateContext(), stateId: 'text' };
    await lrs('PUT', '/activities/state', {
      query: textDoc,
      body: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    expect((await lrs('POST', '/activities/state', { query: textDoc, json: { a: 1 } })).status).toBe(400);
  });

  it('2.3: activityId and agent are required and validated (400); stateId required for PUT/POST', async () => {
    const agentJson = JSON.stringify(agent());
    expect((await lrs('GET', '/activities/state', { query: { agent: agentJson } })).status).toBe(400);
    expect((await lrs('GET', '/activities/state', { query: { activityId: 'http://x.org/a' } })).status).toBe(
      400,
    );
    expect(
      (await lrs('GET', '/activities/state', { query: { activityId: 'no iri', agent: agentJson } })).status,
    ).toBe(400);
    expect(
      (
        await lrs('GET', '/activities/state', {
          query: { activityId: 'http://x.org/a', agent: '{"mbox":"x"}' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await lrs('GET', '/activities/state', {
          query: { activityId: 'http://x.org/a', agent: agentJson, registration: 'r' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await lrs('PUT', '/activities/state', {
          query: { activityId: 'http://x.org/a', agent: agentJson },
          json: {},
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await lrs('GET', '/activities/state', {
          query: {
            activityId: 'http://x.org/a',
            agent: agentJson,
            stateId: 's',
            since: '2024-01-01T00:00:00Z',
          },
        })
      ).status,
    ).toBe(400);
  });

  it('3.1.s4.b5-b9: State honours If-Match / If-None-Match when given (412), and allows writes without them (3.1.s3)', async () => {
    const q = { ...stateContext(), stateId: 'cc' };
    expect((await lrs('PUT', '/activities/state', { query: q, json: { v: 1 } })).status).toBe(204);
    expect((await lrs('PUT', '/activities/state', { query: q, json: { v: 2 } })).status).toBe(204);
    const etag = (await lrs('GET', '/activities/state', { query: q })).headers.get('etag')!;
    expect(
      (await lrs('PUT', '/activities/state', { query: q, json: { v: 3 }, headers: { 'if-match': '"0000"' } }))
        .status,
    ).toBe(412);
    expect(
      (await lrs('PUT', '/activities/state', { query: q, json: { v: 3 }, headers: { 'if-none-match': '*' } }))
        .status,
    ).toBe(412);
    expect(
      (
        await lrs('PUT', '/activities/state', {
          query: q,
          json: { v: 3 },
          headers: { 'if-match': etag.toUpperCase() },
        })
      ).status,
    ).toBe(204);
  });
});

describe('Communication 2.7 Activity Profile and 2.6 Agent Profile, with 3.1 concurrency', () => {
  const profiles = [
    [
      '2.7 Activity Profile',
      '/activities/profile',
      () => ({ activityId: `http://example.org/activities/${randomUUID()}` }),
    ],
    ['2.6 Agent Profile', '/agents/profile', () => ({ agent: JSON.stringify(agent()) })],
  ] as const;

  for (const [name, resource, context] of profiles) {
    it(`${name}: PUT, GET, ids with since, POST merge, DELETE`, async () => {
      const base = context();
      const q = { ...base, profileId: 'p1' };
      expect(
        (await lrs('PUT', resource, { query: q, json: { a: 1 }, headers: { 'if-none-match': '*' } })).status,
      ).toBe(204);
      const got = await lrs('GET', resource, { query: q });
      expect(got.body).toEqual({ a: 1 });
      expect(got.headers.get('etag')).toBe(`"${sha1(got.text)}"`);
      expect((await lrs<string[]>('GET', resource, { query: base })).body).toEqual(['p1']);
      expect(
        (
          await lrs<string[]>('GET', resource, {
            query: { ...base, since: new Date(Date.now() + 60_000).toISOString() },
          })
        ).body,
      ).toEqual([]);
      expect(
        (
          await lrs('POST', resource, {
            query: q,
            json: { b: 2 },
            headers: { 'if-match': got.headers.get('etag')! },
          })
        ).status,
      ).toBe(204);
      expect((await lrs('GET', resource, { query: q })).body).toEqual({ a: 1, b: 2 });
      expect((await lrs('DELETE', resource, { query: q })).status).toBe(204);
      expect((await lrs('GET', resource, { query: q })).status).toBe(404);
    });

    it(`${name} 3.1.s4.b13-b15: PUT over an existing document without If-Match/If-None-Match is 409 with guidance, unchanged`, async () => {
      const q = { ...context(), profileId: 'p' };
      expect((await lrs('PUT', resource, { query: q, json: { v: 1 } })).status).toBe(204);
      const r = await lrs<{ error: { message: string } }>('PUT', resource, { query: q, json: { v: 2 } });
      expect(r.status).toBe(409);
      expect(r.body.error.message).toMatch(/If-Match/);
      expect((await lrs('GET', resource, { query: q })).body).toEqual({ v: 1 });
    });

    it(`${name} 3.1.s4.b5-b12: If-Match with a stale ETag is 412, If-None-Match * on an existing document is 412, DELETE with a stale If-Match is 412`, async () => {
      const q = { ...context(), profileId: 'p' };
      await lrs('PUT', resource, { query: q, json: { v: 1 }, headers: { 'if-none-match': '*' } });
      const etag = (await lrs('GET', resource, { query: q })).headers.get('etag')!;
      expect(
        (await lrs('PUT', resource, { query: q, json: { v: 2 }, headers: { 'if-match': etag } })).status,
      ).toBe(204);
      expect(
        (await lrs('PUT', resource, { query: q, json: { v: 3 }, headers: { 'if-match': etag } })).status,
      ).toBe(412);
      expect(
        (await lrs('PUT', resource, { query: q, json: { v: 3 }, headers: { 'if-none-match': '*' } })).status,
      ).toBe(412);
      expect(
        (await lrs('POST', resource, { query: q, json: { w: 1 }, headers: { 'if-match': etag } })).status,
      ).toBe(412);
      expect((await lrs('DELETE', resource, { query: q, headers: { 'if-match': etag } })).status).toBe(412);
      expect((await lrs('GET', resource, { query: q })).body).toEqual({ v: 2 });
      expect(
        (
          await lrs('PUT', resource, {
            query: { ...context(), profileId: 'new' },
            json: {},
            headers: { 'if-match': '*' },
          })
        ).status,
      ).toBe(412);
    });

    it(`${name}: the profileId is required to write or delete (400)`, async () => {
      expect((await lrs('PUT', resource, { query: context(), json: {} })).status).toBe(400);
      expect((await lrs('DELETE', resource, { query: context() })).status).toBe(400);
    });
  }
});
