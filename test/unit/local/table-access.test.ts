import { setImmediate } from 'node:timers/promises';
import type { FunctionDef } from '@parcours/http/route-types';
import { interceptSend, setCommandGuard } from '@parcours/store/fault-hook';
import { afterAll, describe, expect, it } from 'vitest';
import { actionsOf, enforceTableAccess, runAs } from '../../../packages/local/src/table-access.ts';

const reader: FunctionDef = { name: 'reader', routes: {}, access: { table: ['GetItem', 'Query'] } };
const sent = () => Promise.resolve('sent');

afterAll(() => setCommandGuard(undefined));

describe('the local IAM stand-in for the table', () => {
  it('maps calls to IAM actions, a transaction to its items’ actions', () => {
    expect(actionsOf('GetCommand', {})).toEqual(['GetItem']);
    expect(actionsOf('DescribeTableCommand', {})).toEqual(['DescribeTable']);
    expect(
      actionsOf('TransactWriteCommand', {
        TransactItems: [{ Put: {} }, { ConditionCheck: {} }, { Put: {} }, { Update: {} }],
      }).sort(),
    ).toEqual(['ConditionCheckItem', 'PutItem', 'UpdateItem']);
    expect(() => actionsOf('RestoreTableCommand', {})).toThrow(/no IAM action/);
  });

  it('lets a function make its declared calls and refuses the others, as AccessDeniedException', async () => {
    enforceTableAccess();
    await expect(runAs(reader, () => interceptSend('QueryCommand', {}, sent))).resolves.toBe('sent');
    await expect(runAs(reader, () => interceptSend('PutCommand', {}, sent))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining("'reader' is not allowed dynamodb:PutItem"),
    });
    // Through awaits: the check follows the function's asynchronous work.
    await expect(
      runAs(reader, async () => {
        await setImmediate(); // the next turn of the event loop, not a wait on the clock
        return interceptSend('TransactWriteCommand', { TransactItems: [{ Delete: {} }] }, sent);
      }),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('does not check calls made outside any function (test set-up, seeding)', async () => {
    enforceTableAccess();
    await expect(interceptSend('DeleteCommand', {}, sent)).resolves.toBe('sent');
  });
});

describe('the local IAM stand-in for the user pool', () => {
  it('a function’s admin calls to the pool must be declared (access.userPool); others, and calls outside a function, pass', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => res.end('{}'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    const endpoint = `http://127.0.0.1:${port}/`;
    const mirror: FunctionDef = {
      name: 'mirror',
      routes: {},
      access: { table: [], userPool: ['AdminAddUserToGroup'] },
    };
    const { enforcePoolAccess } = await import('../../../packages/local/src/table-access.ts');
    const original = globalThis.fetch;
    enforcePoolAccess(endpoint);
    try {
      const call = (op: string) =>
        fetch(endpoint, {
          method: 'POST',
          headers: { 'x-amz-target': `AWSCognitoIdentityProviderService.${op}` },
          body: '{}',
        });
      expect((await runAs(mirror, () => call('AdminAddUserToGroup'))).status).toBe(200);
      const denied = await runAs(mirror, () => call('AdminCreateUser'));
      expect(denied.status).toBe(400);
      expect(await denied.json()).toMatchObject({ __type: 'AccessDeniedException' });
      expect((await call('AdminCreateUser')).status).toBe(200);
    } finally {
      globalThis.fetch = original;
      server.close();
    }
  });
});
