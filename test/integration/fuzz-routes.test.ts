import type { HttpTrigger } from '@parcours/http/route-types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullRoutes as httpRoutes } from '../../functions/route-schemas.ts';
import { call, tokenFor, uniqueId } from './support/client.ts';

const routes = Object.entries(httpRoutes) as [string, HttpTrigger][];

/** Path segments as an attacker writes them: broken escapes, overlong UTF-8, dots, unicode. */
const segment = fc.oneof(
  fc.constantFrom(
    '%',
    '%C0%AF',
    '%E0%A4%A',
    '%%',
    '%zz',
    '..',
    '.',
    '%00',
    '%2F',
    'é',
    '🙂',
    'a'.repeat(300),
  ),
  fc.string({ minLength: 1, maxLength: 20 }).map((s) => encodeURIComponent(s)),
  fc.string({ minLength: 1, maxLength: 8 }).map((s) => s.replace(/[/?#\s]/g, '%')),
);
const queryValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', '-1', '1e400', 'NaN', '2026-13-45', '9'.repeat(40), '%', '[]', '{}', 'true'),
);
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(
    '[['.repeat(5_000),
    `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
    '{"__proto__":{"x":1}}',
    '{"a":1,}',
    '\u0000',
    'x'.repeat(70_000),
  ),
);

const tokens = new Map<string, string>();
async function tokenAllowedOn(route: HttpTrigger): Promise<string | undefined> {
  if (route.auth.kind !== 'roles') return undefined;
  const role = route.auth.roles.includes('lab') ? 'lab' : route.auth.roles[0]!;
  let t = tokens.get(role);
  if (!t) {
    t = await tokenFor({ userId: uniqueId(`fuzz-${role}`), roles: [role], hrServices: ['drfip'] });
    tokens.set(role, t);
  }
  return t;
}

function fillPath(path: string, seg: string): string {
  return path.replace(/\{(\w+)\+?\}/g, seg);
}

function expectNo5xx(r: { status: number; text: string }, what: string) {
  expect(r.status, `${what} → ${r.status} ${r.text.slice(0, 200)}`).toBeLessThan(500);
  if (r.status >= 400 && r.text) {
    const parsed = JSON.parse(r.text) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof parsed.error?.code, `${what}: error shape`).toBe('string');
    expect(typeof parsed.error?.message, `${what}: error shape`).toBe('string');
  }
}

describe('fuzzing every route: 4xx with the error shape, never 5xx', { timeout: 240_000 }, () => {
  for (const [name, route] of routes) {
    it(`${route.method} ${route.path} (${name})`, async () => {
      const token = await tokenAllowedOn(route);
      const method = route.method === 'ANY' ? 'POST' : route.method;
      const send = async (path: string, opts: { body?: string; contentType?: string } = {}) => {
        const headers: Record<string, string> = {};
        if (token) headers['authorization'] = `Bearer ${token}`;
        if (opts.contentType) headers['content-type'] = opts.contentType;
        if (path.startsWith('/xapi')) headers['x-experience-api-version'] = '1.0.3';
        return call(method, path, { headers, ...(opts.body !== undefined ? { rawBody: opts.body } : {}) });
      };
      // Paths
      await fc.assert(
        fc.asyncProperty(segment, async (seg) => {
          const path = route.path.includes('{') ? fillPath(route.path, seg) : `${route.path}${seg}`;
          expectNo5xx(await send(path), `path ${path}`);
        }),
        { numRuns: 6 },
      );
      const concrete = fillPath(route.path, 'fuzz-id');
      // Query strings
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), queryValue, { maxKeys: 4 }),
          async (q) => {
            const qs = new URLSearchParams(q).toString();
            expectNo5xx(await send(`${concrete}?${qs}`), `query ${qs}`);
          },
        ),
        { numRuns: 6 },
      );
      // Bodies (also on routes without one: they must be refused or ignored, not crash)
      if (method !== 'GET') {
        await fc.assert(
          fc.asyncProperty(
            body,
            fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
            async (b, ct) => {
              const text = typeof b === 'string' ? b : JSON.stringify(b);
              expectNo5xx(
                await send(concrete, { body: text, contentType: ct }),
                `body ${text.slice(0, 80)} (${ct})`,
              );
            },
          ),
          { numRuns: 8 },
        );
      }
    });
  }
});
