/**
 * The edges seen failing before, each tried again: malformed percent-escapes, JSON nested thousands of levels deep
 * (in a Statement and elsewhere), bodies over API Gateway's 10 MiB announced or streamed. Each must get a 4xx with the
 * error shape and a message of ours — never a 5xx, a closed connection or a parser's internal wording.
 */
import { request } from 'node:http';
import { LIMITS } from '@parcours/domain/limits';
import { describe, expect, it } from 'vitest';
import { apiUrl, call } from './support/client.ts';
import { lab } from './support/fixtures.ts';
import { lrs } from './support/lrs.ts';

type ErrorBody = { error: { code: string; message: string } };

/** A raw HTTP request (fetch cannot stream an unannounced body): status and body, or the socket error. */
function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  write: (req: ReturnType<typeof request>) => void,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${apiUrl()}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    write(req);
  });
}

describe('bad input at the edges: 4xx, never 5xx', () => {
  it('malformed percent-escapes in the path: 400 before authentication', async () => {
    for (const path of [
      '/sessions/%',
      '/people/%C0%AF/data-export',
      '/xapi/statements%',
      '/sessions/%E0%A4%A',
    ]) {
      const r = await call<ErrorBody>('GET', path);
      expect(r.status, path).toBe(400);
      expect(r.body.error.code).toBe('malformed-path');
    }
  });

  it('a Statement nested 4,100 levels deep: 400 with our message', async () => {
    const deep = `${'{"a":'.repeat(4_100)}1${'}'.repeat(4_100)}`;
    const text = `{"actor":{"mbox":"mailto:a@example.org"},"verb":{"id":"http://example.org/v"},"object":{"id":"http://example.org/o"},"result":{"extensions":{"http://example.org/x":${deep}}}}`;
    const r = await lrs<ErrorBody>('POST', '/statements', {
      body: text,
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('json-too-deep');
    expect(r.body.error.message).toContain(String(LIMITS.jsonDepth));
    expect(r.text).not.toMatch(/call stack|JSON\.parse|position \d+/i);
  });

  it("deep or malformed JSON on the other routes: 400 without the parser's own words", async () => {
    const deep = await call<ErrorBody>('PUT', '/me/profile', {
      token: await lab(),
      rawBody: '['.repeat(5_000),
      headers: { 'content-type': 'application/json' },
    });
    expect(deep.status).toBe(400);
    expect(deep.body.error.code).toBe('json-too-deep');
    const broken = await call<ErrorBody>('PUT', '/me/profile', {
      token: await lab(),
      rawBody: '{"displayName": "x",}',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error).toEqual({ code: 'malformed-json', message: 'Body is not valid JSON' });
  });

  it('a body over 10 MiB, announced: 413 at once, before the token is looked at', async () => {
    const big = Buffer.alloc(LIMITS.requestBytes + 1, 0x61);
    for (const path of ['/sessions', '/xapi/statements', '/me/profile']) {
      const r = await raw(
        'POST',
        path,
        { 'content-type': 'application/json', 'content-length': String(big.length) },
        (req) => req.end(big),
      );
      expect(r.status, path).toBe(413);
      expect((JSON.parse(r.text) as ErrorBody).error.code).toBe('payload-too-large');
    }
  });

  it('a body over 10 MiB, streamed without a length (a 20 MB attachment): 413, not a closed connection', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x62);
    const r = await raw(
      'POST',
      '/xapi/statements',
      {
        'content-type': 'multipart/mixed; boundary=b',
        'transfer-encoding': 'chunked',
        authorization: 'Basic eDp5',
        'x-experience-api-version': '1.0.3',
      },
      (req) => {
        for (let i = 0; i < 20; i++) req.write(chunk);
        req.end();
      },
    );
    expect(r.status).toBe(413);
    expect((JSON.parse(r.text) as ErrorBody).error.code).toBe('payload-too-large');
  });
});
