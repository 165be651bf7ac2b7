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
