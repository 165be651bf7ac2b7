/**
 * The local IAM stand-in (packages/local/src/table-access.ts) is on the path every request takes: a function's table
 * calls are recorded against it and none goes beyond what its route-table entry declares — the same list the CDK
 * stack turns into its policy. (The refusal itself: test/unit/local/table-access.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { functions } from '../../functions/routes.ts';
import { call, tokenFor } from './support/client.ts';
import { runFunction } from './support/local.ts';

describe('the IAM stand-in of the local stack', () => {
  it('holds HTTP and scheduled functions to their declared table actions', async () => {
    expect((await call('GET', '/health')).status).toBe(200);
    expect((await call('GET', '/modules')).status).toBe(200);
    const learner = await tokenFor({ userId: 'table-access-1', roles: ['learner'], service: 'drfip' });
    expect((await call('GET', '/me/progress', { token: learner })).status).toBe(200);
    await runFunction('reminders', {});

    const used = (await call<Record<string, string[]>>('POST', '/_local/table-access')).body;
    // Seen on the way: the health probe's DescribeTable is the catalog's, the tick's reads are the reminders'.
    expect(used['catalog']).toEqual(expect.arrayContaining(['DescribeTable', 'Query']));
    expect(used['sessions']).toEqual(expect.arrayContaining(['Query']));
    expect(used['reminders']).toEqual(expect.arrayContaining(['Query']));
    for (const fn of functions) {
      const declared = new Set<string>(fn.access.table);
      expect(
        (used[fn.name] ?? []).filter((a) => !declared.has(a)),
        fn.name,
      ).toEqual([]);
    }
  });
});
