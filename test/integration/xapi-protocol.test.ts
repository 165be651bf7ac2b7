import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiUrl } from './support/client.ts';
import { basic, createCredentials, defaultCredentials, lrs, statement } from './support/lrs.ts';

/**
 * xAPI 1.0.3 Communication 1.x and 3.x-4.x: HEAD, headers, alternate request syntax, versioning, CORS, parameters,
 * authentication (HTTP Basic) and scopes (4.2).
 */

describe('Communication 3.3 Versioning', () => {
  it('3.3.s3.b1-b2: every response carries X-Experience-API-Version 1.0.3, errors included', async () => {
    expect(
      (await lrs('GET', '/statements', { query: { limit: '1' } })).headers.get('x-experience-api-version'),
    ).toBe('1.0.3');
    expect(
      (await lrs('GET', '/statements', { query: { nope: '1' } })).headers.get('x-experience-api-version'),
    ).toBe('1.0.3');
    expect((await lrs('GET', '/about', { creds: null })).headers.get('x-experience-api-version')).toBe(
      '1.0.3',
    );
  });

  it('3.3.s4.b1: a request without the version header is 400', async () => {
    expect((await lrs('GET', '/statements', { version: null })).status).toBe(400);
  });

  it('3.3.s3.b3, b5: 1.0 and any 1.0.x are accepted', async () => {
    for (const v of ['1.0', '1.0.0', '1.0.1', '1.0.2', '1.0.3', '1.0.9']) {
      expect((await lrs('GET', '/statements', { version: v, query: { limit: '1' } })).status, v).toBe(200);
    }
  });

  it('3.3.s3.b4, b6-b7: versions before 1.0.0 or from 1.1.0 are 400', async () => {
    for (const v of ['0.9', '0.95', '1.1.0', '2.0.0', 'bad']) {
      expect((await lrs('GET', '/statements', { version: v })).status, v).toBe(400);
    }
  });

  it('2.8.s5.b4: About does not check the version header', async () => {
    expect((await lrs('GET', '/about', { creds: null, version: '0.9' })).status).toBe(200);
  });
});

describe('Communication 3.2.s3.b7-b8 parameters', () => {
  it('b7: an unknown parameter is 400', async () => {
    expect((await lrs('GET', '/statements', { query: { foo: 'bar' } })).status).toBe(400);
    expect(
      (await lrs('GET', '/activities', { query: { activityId: 'http://x.org/a', extra: '1' } })).status,
    ).toBe(400);
  });

  it('b8: a known parameter in the wrong case is 400', async () => {
    expect((await lrs('GET', '/statements', { query: { statementid: randomUUID() } })).status).toBe(400);
    expect((await lrs('GET', '/statements', { query: { Limit: '1' } })).status).toBe(400);
    expect(
      (await lrs('GET', '/activities/state', { query: { ActivityId: 'http://x.org/a', agent: '{}' } }))
        .status,
    ).toBe(400);
  });

  it('a parameter given twice is 400', async () => {
    expect((await lrs('GET', '/statements', { rawQuery: 'limit=1&limit=2' })).status).toBe(400);
  });
});

describe('Communication 1.1 HEAD and 1.2 headers, CORS (Appendix C)', () => {
  it('1.1.s3.b1: every GET resource answers HEAD with headers and no body', async () => {
    for (const [resource, q] of [
      ['/statements', { limit: '1' }],
      ['/about', {}],
      ['/activities', { activityId: 'http://example.org/a' }],
      ['/agents', { agent: JSON.stringify({ mbox: 'mailto:a@example.org' }) }],
    ] as const) {
      const r = await lrs('HEAD', resource, { query: q });
      expect(r.status, resource).toBe(200);
      expect(r.text).toBe('');
    }
  });

  it('CORS: responses allow any origin and expose the xAPI headers; preflight is answered', async () => {
    const r = await lrs('GET', '/statements', {
      query: { limit: '1' },
      headers: { origin: 'https://content.example.org' },
    });
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('access-control-expose-headers')).toMatch(/X-Experience-API-Consistent-Through/);
    const pre = await fetch(`${apiUrl()}/xapi/statements`, {
      method: 'OPTIONS',
      headers: { origin: 'https://content.example.org', 'access-control-request-method': 'PUT' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/X-Experience-API-Version/);
  });

  it('unknown resources are 404, unsupported methods 405', async () => {
    expect((await lrs('GET', '/nothing')).status).toBe(404);
    expect((await lrs('DELETE', '/statements', { query: { statementId: randomUUID() } })).status).toBe(405);
  });
});

describe('Communication 1.3 Alternate Request Syntax', () => {
  async function alt(resource: string, method: string, form: Record<string, string>, query = '') {
    const res = await fetch(`${apiUrl()}/xapi${resource}?method=${method}${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    return { status: res.status, text: await res.text(), headers: res.headers };
  }

  it('1.3.s3.b15: PUT a Statement and GET it back with headers and parameters as form fields', async () => {
    const creds = await defaultCredentials();
    const id = randomUUID();
    const put = await alt('/statements', 'PUT', {
      statementId: id,
      content: JSON.stringify(statement()),
      Authorization: basic(creds),
      'X-Experience-API-Version': '1.0.3',
      'Content-Type': 'application/json',
    });
    expect(put.status, put.text).toBe(204);
    const get = await alt('/statements', 'GET', {
      statementId: id,
      Authorization: basic(creds),
      'X-Experience-API-Version': '1.0.3',
    });
    expect(get.status).toBe(200);
    expect(JSON.parse(get.text).id).toBe(id);
  });

  it('1.3.s3.b3: other query parameters next to method are 400', async () => {
    const creds = await defaultCredentials();
    const r = await alt(
      '/statements',
      'GET',
      { Authorization: basic(creds), 'X-Experience-API-Version': '1.0.3' },
      '&limit=1',
    );
    expect(r.status).toBe(400);
  });

  it('3.2.s3.b6: a form-encoded POST without method is 400; an unknown method is 400', async () => {
    const creds = await defaultCredentials();
    const r = await fetch(`${apiUrl()}/xapi/statements`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(creds),
        'x-experience-api-version': '1.0.3',
      },
      body: 'content=%7B%7D',
    });
    expect(r.status).toBe(400);
    expect(
      (
        await alt('/statements', 'PATCH', {
          Authorization: basic(creds),
          'X-Experience-API-Version': '1.0.3',
        })
      ).status,
    ).toBe(400);
  });

  it('1.3.s3.b7: the Authorization form field authenticates (no header): wrong one is 401', async () => {
    expect(
      (
        await alt('/statements', 'GET', {
          Authorization: 'Basic d3Jvbmc6d3Jvbmc=',
          'X-Experience-API-Version': '1.0.3',
        })
      ).status,
    ).toBe(401);
  });
});

describe('Communication 4.0 Authentication and 4.2 scopes', () => {
  it('4.0: no credentials → 401 with a Basic challenge; About stays open (2.8.s5.b3)', async () => {
    const r = await lrs('GET', '/statements', { creds: null });
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect((await lrs('GET', '/about', { creds: null })).status).toBe(200);
  });

  it('4.0: a wrong secret or an unknown key → 401', async () => {
    const c = await defaultCredentials();
    expect((await lrs('GET', '/statements', { creds: { key: c.key, secret: 'wrong' } })).status).toBe(401);
    expect((await lrs('GET', '/statements', { creds: { key: 'nobody', secret: 'x' } })).status).toBe(401);
  });

  it('3.2.s3.b10: a request outside the credential scopes is 403', async () => {
    const writer = await createCredentials(['statements/write']);
    expect((await lrs('POST', '/statements', { creds: writer, json: statement() })).status).toBe(200);
    expect((await lrs('GET', '/statements', { creds: writer })).status).toBe(403);
    expect(
      (
        await lrs('GET', '/activities/state', {
          creds: writer,
          query: { activityId: 'http://x.org/a', agent: '{"mbox":"mailto:a@b.org"}' },
        })
      ).status,
    ).toBe(403);
    const reader = await createCredentials(['all/read']);
    expect((await lrs('GET', '/statements', { creds: reader, query: { limit: '1' } })).status).toBe(200);
    expect((await lrs('POST', '/statements', { creds: reader, json: statement() })).status).toBe(403);
    const state = await createCredentials(['state']);
    const q = { activityId: 'http://x.org/a', agent: '{"mbox":"mailto:a@b.org"}', stateId: 's' };
    expect((await lrs('PUT', '/activities/state', { creds: state, query: q, json: { a: 1 } })).status).toBe(
      204,
    );
    expect(
      (
        await lrs('PUT', '/activities/profile', {
          creds: state,
          query: { activityId: 'http://x.org/a', profileId: 'p' },
          json: {},
        })
      ).status,
    ).toBe(403);
  });
});
