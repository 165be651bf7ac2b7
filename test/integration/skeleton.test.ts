import { describe, expect, it } from 'vitest';
import { httpRoutes } from '../../functions/routes.ts';
import { call, tokenFor } from './support/client.ts';

describe('walking skeleton: public catalog', () => {
  it('GET /health reports the database and mail reachable', async () => {
    const r = await call('GET', '/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', dependencies: { database: 'ok', mail: 'ok' } });
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('GET /modules serves the content loaded into DynamoDB Local, the entry module included', async () => {
    const r = await call<{ items: { id: string; durationMinutes: number; title: { fr: string } }[] }>(
      'GET',
      '/modules',
    );
    expect(r.status).toBe(200);
    const ids = r.body.items.map((m) => m.id);
    expect(ids).toContain('intelligence-collective');
    expect(r.body.items.every((m) => m.durationMinutes === 90)).toBe(true);
  });

  it('GET /modules/{id} returns one module and 404s an unknown id with the error model', async () => {
    const ok = await call<{ id: string }>('GET', '/modules/intelligence-collective');
    expect(ok.status).toBe(200);
    expect(ok.body.id).toBe('intelligence-collective');
    const missing = await call('GET', '/modules/nope-nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: 'module-not-found', message: expect.any(String) } });
  });

  it('rejects a malformed id with 400 and machine-readable details', async () => {
    const r = await call<{ error: { code: string; details: unknown[] } }>('GET', '/modules/Not_Kebab');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation-failed');
    expect(r.body.error.details.length).toBeGreaterThan(0);
  });

  it('rejects unknown query parameters with 400', async () => {
    const r = await call<{ error: { code: string } }>('GET', '/modules?foo=1');
    expect(r.status).toBe(400);
  });

  it('GET /paths and /paths/{id} serve both paths with their N-of-M rule', async () => {
    const list = await call<{ items: { id: string }[] }>('GET', '/paths');
    // The seeded paths (other files add paths of their own to the shared table: test/integration/catalog-editing).
    expect(list.body.items.map((p) => p.id)).toEqual(
      expect.arrayContaining(['formation-action-referents', 'passinnov']),
    );
    const one = await call<{ entryModuleId: string; electivesRequired: number }>('GET', '/paths/passinnov');
    expect(one.body.entryModuleId).toBe('intelligence-collective');
    expect(one.body.electivesRequired).toBeGreaterThan(0);
    expect((await call('GET', '/paths/unknown-path')).status).toBe(404);
  });

  it('unknown routes get a 404 in the error model', async () => {
    const r = await call<{ error: { code: string } }>('GET', '/no/such/route');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('route-not-found');
  });

  it('GET /openapi.json is an OpenAPI 3.1 document listing every route', async () => {
    const r = await call<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/openapi.json',
    );
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    // Every entry of the route table, with its method (an ANY route under each method it serves).
    for (const [name, route] of Object.entries(httpRoutes)) {
      const method = route.method === 'ANY' ? 'get' : route.method.toLowerCase();
      expect(r.body.paths[route.path]?.[method], `${name}: ${route.method} ${route.path}`).toBeDefined();
    }
    expect(Object.keys(r.body.paths).length).toBe(new Set(Object.values(httpRoutes).map((x) => x.path)).size);
  });
});

describe('walking skeleton: authentication', () => {
  it('GET /me answers who am I for a signed-in user, with every role', async () => {
    const token = await tokenFor({ userId: 'someone-1', roles: ['learner', 'trainer'], service: 'drfip' });
    const r = await call('GET', '/me', { token });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ userId: 'someone-1', roles: ['learner', 'trainer'], service: 'drfip' });
  });

  it('GET /me without a token is 401', async () => {
    const r = await call<{ error: { code: string } }>('GET', '/me');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('unauthenticated');
  });

  it('a forged token (signed with another key) is 401', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({
        sub: 'attacker',
        'cognito:groups': ['lab'],
        iss: 'parcours-local',
        aud: 'parcours',
        exp: 9999999999,
      }),
    ).toString('base64url');
    const forged = `${header}.${payload}.${Buffer.from('not-the-signature').toString('base64url')}`;
    expect((await call('GET', '/me', { token: forged })).status).toBe(401);
  });

  it("an unsigned token ('alg: none') is 401", async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: 'x', 'cognito:groups': ['lab'] })).toString(
      'base64url',
    );
    expect((await call('GET', '/me', { token: `${header}.${payload}.` })).status).toBe(401);
  });

  it('POST /_local/token validates its input', async () => {
    const r = await call('POST', '/_local/token', { body: { userId: 'x', roles: ['superuser'] } });
    expect(r.status).toBe(400);
  });
});
