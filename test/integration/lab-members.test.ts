/**
 * The lab's member count: the last member keeps the lab role (checked by DynamoDB in the role change's transaction),
 * and the deploy invites the first administrator only into a programme without one. Exclusive: it sets the count
 * that every lab token of the parallel files moves.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCAL_REGION, LOCAL_TABLE, localCredentials } from '../../packages/local/src/local-env.ts';
import { call, tokenFor, uniqueId } from './support/client.ts';
import { groupsOf, pool, poolCall } from './support/pool.ts';
import { tableClient } from './support/table.ts';

const COUNT_KEY = { pk: 'people', sk: 'role-count#lab' };

async function setCount(members: number) {
  await tableClient().send(
    new UpdateCommand({
      TableName: LOCAL_TABLE,
      Key: COUNT_KEY,
      UpdateExpression: 'SET members = :n, entity = :e',
      ExpressionAttributeValues: { ':n': members, ':e': 'role-count' },
    }),
  );
}

async function count(): Promise<number> {
  const r = await tableClient().send(
    new GetCommand({ TableName: LOCAL_TABLE, Key: COUNT_KEY, ConsistentRead: true }),
  );
  return Number(r.Item?.['members'] ?? 0);
}

/** The functions' code run in this process, against the test stack's table and pool. */
function inProcess() {
  process.env['TABLE_NAME'] = LOCAL_TABLE;
  process.env['AWS_REGION'] = LOCAL_REGION;
  process.env['AWS_ACCESS_KEY_ID'] = localCredentials().accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = localCredentials().secretAccessKey;
  process.env['DYNAMODB_ENDPOINT'] = inject('dynamoEndpoint');
  process.env['USER_POOL_ID'] = pool().poolId;
  process.env['COGNITO_ENDPOINT'] = pool().endpoint;
}

let saved = 0;
beforeAll(async () => {
  saved = await count();
});
afterAll(async () => {
  await setCount(saved);
});

describe('lab members', () => {
  it('the last lab member cannot remove their own lab role (409); with a second member they can', async () => {
    const id = uniqueId('last-lab');
    const token = await tokenFor({ userId: id, roles: ['lab'] });
    const me = await call<{ person: { version: number } }>('GET', `/people/${id}`, { token });
    await setCount(1);
    const refused = await call<{ error: { code: string } }>('PUT', `/people/${id}/roles`, {
      token,
      body: { roles: [], hrServices: [], version: me.body.person.version },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('last-lab-member');
    await setCount(2);
    const allowed = await call('PUT', `/people/${id}/roles`, {
      token,
      body: { roles: [], hrServices: [], version: me.body.person.version },
    });
    expect(allowed.status).toBe(200);
    expect(await count()).toBe(1);
  });

  it('an erasure racing a lab grant cannot delete a lab member (the count would keep a ghost)', async () => {
    inProcess();
    const { deletePersonUnlessLab } = await import('../../packages/store/src/person-repo.ts');
    const id = uniqueId('raced');
    await tokenFor({ userId: id, roles: ['lab'] });
    await expect(deletePersonUnlessLab(id)).rejects.toMatchObject({ code: 'erase-lab-member' });
    await tokenFor({ userId: id, roles: ['learner'] });
    await expect(deletePersonUnlessLab(id)).resolves.toBeUndefined();
  });

  it('the deploy invites the first administrator (pool user, lab group, person) only while the lab has nobody', async () => {
    inProcess();
    const { inviteFirstAdmin } = await import('../../functions/seed/admin-invitation.ts');

    expect(await inviteFirstAdmin(undefined)).toEqual({ invited: false, reason: 'no-setting' });
    await setCount(3);
    expect(await inviteFirstAdmin('someone@sgar.example.gouv.fr')).toEqual({
      invited: false,
      reason: 'lab-has-members',
    });

    await setCount(0);
    const email = `${uniqueId('admin')}@sgar.example.gouv.fr`.toLowerCase();
    const first = await inviteFirstAdmin(email);
    expect(first.invited).toBe(true);
    const user = await poolCall<{ Username: string; UserAttributes: { Name: string; Value: string }[] }>(
      'AdminGetUser',
      { Username: email },
    );
    expect(user.UserAttributes.find((a) => a.Name === 'email')?.Value).toBe(email);
    expect(await groupsOf(user.Username)).toEqual(['lab']);
    expect(await count()).toBe(1);
    // Run again (every deploy runs the seed): nothing more happens.
    expect((await inviteFirstAdmin(email)).invited).toBe(false);
    expect(await count()).toBe(1);
  });
});
