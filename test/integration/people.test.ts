/**
 * The lab manages people: grants and revokes trainer, hr (with its services) and lab. The table is the truth; the
 * user pool mirrors it (checked in cognito-local), a re-signed-in token carries it, and a revoked role is refused
 * at the very next write, before its token expires.
 */
import { describe, expect, it } from 'vitest';
import { call, tokenFor, uniqueId } from './support/client.ts';
import { lab } from './support/fixtures.ts';
import { eventually } from './support/local.ts';
import { claimsOf, groupsOf, poolCall } from './support/pool.ts';

interface PersonView {
  userId: string;
  roles: string[];
  hrServices: string[];
  version: number;
}

async function person(labToken: string, id: string) {
  return (await call<{ person: PersonView }>('GET', `/people/${id}`, { token: labToken })).body.person;
}

async function setRoles(labToken: string, id: string, roles: string[], hrServices: string[] = []) {
  const current = await person(labToken, id);
  return call<PersonView & { error?: { code: string } }>('PUT', `/people/${id}/roles`, {
    token: labToken,
    body: { roles, hrServices, version: current.version },
  });
}

describe('roles the lab grants', () => {
  it('trainer: granted, mirrored to the pool, in the next token; revoked: the old token’s next write is refused', async () => {
    const labToken = await lab();
    const id = uniqueId('agent');
    const first = await tokenFor({ userId: id, roles: ['learner'], name: 'Anne Fabre' });
    expect((await call('POST', '/me/sign-in', { token: first })).status).toBe(200);

    const granted = await setRoles(labToken, id, ['trainer']);
    expect(granted.status).toBe(200);
    expect(granted.body.roles).toEqual(['learner', 'trainer']);
    expect(
      await eventually(
        () => groupsOf(id),
        (g) => g.includes('trainer'),
      ),
    ).toEqual(['learner', 'trainer']);

    // Signing in again (no roles asked: whatever the pool says) gives the trainer's token.
    const trainer = await tokenFor({ userId: id });
    expect(claimsOf(trainer)['cognito:groups']).toEqual(['learner', 'trainer']);
    const signOff = (t: string) => call('POST', `/trainers/${id}/sign-offs`, { token: t, body: {} });
    expect((await signOff(trainer)).status).toBe(400); // the role is accepted; the empty body is not

    const revoked = await setRoles(labToken, id, []);
    expect(revoked.body.roles).toEqual(['learner']);
    // No stream drain, no new token: the stored role is re-read on the write.
    const refused = await signOff(trainer);
    expect(refused.status).toBe(403);
    expect((refused.body as { error: { code: string } }).error.code).toBe('role-revoked');
    // Reads follow the token until it is refreshed; the pool follows the table.
    expect(
      await eventually(
        () => groupsOf(id),
        (g) => !g.includes('trainer'),
      ),
    ).toEqual(['learner']);
  });

  it('hr: only with known services; the scope is mirrored into custom:hr_services', async () => {
    const labToken = await lab();
    const id = uniqueId('hr-agent');
    await tokenFor({ userId: id, roles: ['learner'] });
    const unknown = await setRoles(labToken, id, ['hr'], ['drfip', 'no-such-service']);
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('hrServices');
    const withoutHr = await setRoles(labToken, id, ['trainer'], ['drfip']);
    expect(withoutHr.status).toBe(400);

    expect((await setRoles(labToken, id, ['hr'], ['ars', 'drfip'])).status).toBe(200);
    const attrs = await eventually(
      async () =>
        (
          await poolCall<{ UserAttributes: { Name: string; Value: string }[] }>('AdminGetUser', {
            Username: id,
          })
        ).UserAttributes,
      (a) => a.some((x) => x.Name === 'custom:hr_services'),
    );
    expect(attrs.find((a) => a.Name === 'custom:hr_services')?.Value).toBe('ars,drfip');
    const hr = await tokenFor({ userId: id });
    expect(claimsOf(hr)['custom:hr_services']).toBe('ars,drfip');
    expect((await call('GET', '/reports/agents?service=ars', { token: hr })).status).not.toBe(403);
  });

  it('a stale form is refused (409 stale-version), naming who changed the person', async () => {
    const labToken = await lab();
    const id = uniqueId('agent');
    await tokenFor({ userId: id, roles: ['learner'] });
    const read = await person(labToken, id);
    expect((await setRoles(labToken, id, ['trainer'])).status).toBe(200);
    const stale = await call<{ error: { code: string; details: { updatedBy: string } } }>(
      'PUT',
      `/people/${id}/roles`,
      { token: labToken, body: { roles: ['hr'], hrServices: ['drfip'], version: read.version } },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale-version');
  });

  it('only the lab changes roles: learner, trainer and HR get 403, whoever they name', async () => {
    const target = uniqueId('target');
    await tokenFor({ userId: target, roles: ['learner'] });
    for (const role of ['learner', 'trainer', 'hr'] as const) {
      const caller = uniqueId(role);
      const token = await tokenFor({ userId: caller, roles: [role] });
      for (const id of [target, caller]) {
        const r = await call('PUT', `/people/${id}/roles`, {
          token,
          body: { roles: ['lab'], hrServices: [], version: 1 },
        });
        expect(r.status).toBe(403);
      }
      expect((await call('GET', `/people/${target}`, { token })).status).toBe(403);
    }
  });

  it('a lab member is not erased while they hold the role (the count of lab members stays true)', async () => {
    const labToken = await lab();
    const id = uniqueId('lab-member');
    await tokenFor({ userId: id, roles: ['lab'] });
    const r = await call<{ error: { code: string } }>('POST', `/people/${id}/erasure`, {
      token: labToken,
      body: {},
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('erase-lab-member');
  });

  it('the person page: identity, roles, service, paths', async () => {
    const labToken = await lab();
    const id = uniqueId('page');
    const t = await tokenFor({ userId: id, roles: ['learner'], service: 'drfip', name: 'Lou Perrin' });
    await call('POST', '/me/paths/passinnov', { token: t });
    const page = await call<{
      person: { displayName: string; service: string };
      paths: { pathId: string }[];
    }>('GET', `/people/${id}`, { token: labToken });
    expect(page.status).toBe(200);
    expect(page.body.person).toMatchObject({ displayName: 'Lou Perrin', service: 'drfip' });
    expect(page.body.paths.map((p) => p.pathId)).toContain('passinnov');
    const found = await call<{ items: { userId: string }[] }>('GET', '/people?q=perr', { token: labToken });
    expect(found.body.items.some((p) => p.userId === id)).toBe(true);
    expect((await call('GET', '/people/nobody-here', { token: labToken })).status).toBe(404);
  });
});

describe('what a revoked or erased person keeps: nothing', () => {
  it('a revoked lab member loses the personal-data export and the audit log at once (reads re-checked)', async () => {
    const labToken = await lab();
    const id = uniqueId('lab-leaving');
    const leaving = await tokenFor({ userId: id, roles: ['lab'] });
    expect((await call('GET', `/people/${id}/data-export`, { token: leaving })).status).toBe(200);
    expect((await setRoles(labToken, id, [])).status).toBe(200);
    const refused = await call<{ error: { code: string } }>('GET', `/people/${id}/data-export`, {
      token: leaving,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('role-revoked');
    expect((await call('GET', '/audit', { token: leaving })).status).toBe(403);
  });

  it('a lab member changing their own roles is in the audit log (as the actor), named by a hash, never by id', async () => {
    const id = uniqueId('lab-self');
    const self = await tokenFor({ userId: id, roles: ['lab'] });
    const me = await person(self, id);
    const r = await call('PUT', `/people/${id}/roles`, {
      token: self,
      body: { roles: ['lab', 'hr'], hrServices: ['drfip'], version: me.version },
    });
    expect(r.status).toBe(200);
    const month = new Date().toISOString().slice(0, 7);
    const audit = await eventually(
      async () =>
        (
          await call<{ items: { actor: string; entity: string; entityId: string; changed: string[] }[] }>(
            'GET',
            `/audit?month=${month}`,
            { token: await lab() },
          )
        ).body.items,
      (items) => items.some((e) => e.entity === 'person' && e.actor === id),
    );
    const entry = audit.find((e) => e.entity === 'person' && e.actor === id);
    expect(entry?.changed).toEqual(expect.arrayContaining(['hrServices', 'roles']));
    expect(entry?.entityId).not.toContain(id);
  });

  it('an erased person signing in again is refused, not re-created', async () => {
    const labToken = await lab();
    const id = uniqueId('erased');
    const t = await tokenFor({
      userId: id,
      roles: ['learner'],
      name: 'Zoé Marchand',
      email: `${id}@x.gouv.fr`,
    });
    expect((await call('POST', '/me/sign-in', { token: t })).status).toBe(200);
    expect((await call('POST', `/people/${id}/erasure`, { token: labToken, body: {} })).status).toBe(200);
    const again = await call<{ error: { code: string } }>('POST', '/me/sign-in', { token: t });
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe('person-erased');
    expect((await call('GET', `/people/${id}`, { token: labToken })).status).toBe(404);
  });
});
