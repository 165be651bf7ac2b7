import { describe, expect, it } from 'vitest';
import { call, tokenFor } from './support/client.ts';
import { lab } from './support/fixtures.ts';
import { lrs, statement } from './support/lrs.ts';

/** Issue 8, LRS clients: the lab creates, lists, rotates and revokes credentials; secrets are shown once. */

interface Created {
  key: string;
  secret: string;
  scopes: string[];
  status: string;
}

async function create(body: Record<string, unknown>) {
  return call<Created>('POST', '/lrs/clients', { token: await lab(), body });
}

describe('LRS client credentials (issue 8)', () => {
  it('create: 201 with key and secret once; default scopes are statements/write + statements/read/mine (Communication 4.2.s6.b2)', async () => {
    const r = await create({ name: 'module e-learning' });
    expect(r.status).toBe(201);
    expect(r.body.secret.length).toBeGreaterThan(20);
    expect(r.body.scopes).toEqual(['statements/write', 'statements/read/mine']);
    const list = await call<{ items: Record<string, unknown>[] }>('GET', '/lrs/clients', {
      token: await lab(),
    });
    const listed = list.body.items.find((c) => c['key'] === r.body.key)!;
    expect(listed).toBeTruthy();
    expect(listed['secret']).toBeUndefined();
    expect(JSON.stringify(list.body)).not.toContain(r.body.secret);
  });

  it('only the lab manages credentials (403 for a learner, 401 without a token)', async () => {
    const learner = await tokenFor({ userId: 'lrs-learner', roles: ['learner'] });
    expect((await call('POST', '/lrs/clients', { token: learner, body: { name: 'x' } })).status).toBe(403);
    expect((await call('GET', '/lrs/clients')).status).toBe(401);
  });

  it('validation: unknown scopes or a past validUntil are 400', async () => {
    expect((await create({ name: 'x', scopes: ['everything'] })).status).toBe(400);
    expect((await create({ name: 'x', validUntil: '2001-01-01T00:00:00Z' })).status).toBe(400);
  });

  it('rotate: the old secret stops working at once (reads and writes), the new one works', async () => {
    const c = (await create({ name: 'rotating', scopes: ['all'] })).body;
    const renewed = (secret: string) => ({ key: c.key, secret });
    expect((await lrs('GET', '/statements', { creds: c, query: { limit: '1' } })).status).toBe(200);
    // A write first, so that the write path remembers the credential (auth.ts): rotation must still bite at once.
    expect((await lrs('POST', '/statements', { creds: c, json: statement() })).status).toBe(200);
    const rotated = await call<Created>('POST', `/lrs/clients/${c.key}/rotate`, { token: await lab() });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(c.secret);
    expect((await lrs('GET', '/statements', { creds: c, query: { limit: '1' } })).status).toBe(401);
    expect((await lrs('POST', '/statements', { creds: c, json: statement() })).status).toBe(401);
    const fresh = renewed(rotated.body.secret);
    expect((await lrs('POST', '/statements', { creds: fresh, json: statement() })).status).toBe(200);
    expect((await lrs('GET', '/statements', { creds: fresh, query: { limit: '1' } })).status).toBe(200);
  });

  it('revoke: effective on the next request (401), idempotent, then rotation refused', async () => {
    const c = (await create({ name: 'revoked', scopes: ['all'] })).body;
    expect((await lrs('POST', '/statements', { creds: c, json: statement() })).status).toBe(200);
    const r = await call<Created>('POST', `/lrs/clients/${c.key}/revoke`, { token: await lab() });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('revoked');
    expect((await lrs('POST', '/statements', { creds: c, json: statement() })).status).toBe(401);
    expect((await call('POST', `/lrs/clients/${c.key}/revoke`, { token: await lab() })).status).toBe(200);
    expect((await call('POST', `/lrs/clients/${c.key}/rotate`, { token: await lab() })).status).toBe(400);
    expect((await call('POST', '/lrs/clients/nope/revoke', { token: await lab() })).status).toBe(404);
  });

  it('expiry: credentials past validUntil get 401', async () => {
    const validUntil = new Date(Date.now() + 3_600_000).toISOString();
    const c = (
      await create({
        name: 'short-lived',
        scopes: ['all'],
        validUntil,
      })
    ).body;
    expect((await lrs('GET', '/statements', { creds: c, query: { limit: '1' } })).status).toBe(200);
    // The business clock of the request (the local adapter's X-Parcours-Now), not a wait for real time.
    const at = (iso: string) => ({ 'x-parcours-now': iso });
    // The request's clock runs from the header on (a few ms pass before the check): a minute of slack.
    const before = new Date(Date.parse(validUntil) - 60_000).toISOString();
    expect(
      (await lrs('GET', '/statements', { creds: c, query: { limit: '1' }, headers: at(before) })).status,
    ).toBe(200);
    expect(
      (await lrs('GET', '/statements', { creds: c, query: { limit: '1' }, headers: at(validUntil) })).status,
    ).toBe(401);
  });
});
