import { describe, expect, it } from 'vitest';
import { isRetryable, jitterDelay, withRetry } from '../../../packages/store/src/retry-policy.ts';

const named = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(name), { name, ...extra });

describe("the store's retry policy", () => {
  it('retries throttling, conflicts, 5xx and network failures; never our own conditions or invalid requests', () => {
    for (const e of [
      named('ProvisionedThroughputExceededException'),
      named('ThrottlingException'),
      named('RequestLimitExceeded'),
      named('TransactionConflictException'),
      named('InternalServerError', { $metadata: { httpStatusCode: 500 } }),
      named('TimeoutError'),
      Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
      named('TransactionCanceledException', {
        CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
      }),
    ]) {
      expect(isRetryable(e), e.name).toBe(true);
    }
    for (const e of [
      named('ConditionalCheckFailedException'),
      named('ValidationException', { $metadata: { httpStatusCode: 400 } }),
      named('TransactionCanceledException', {
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'TransactionConflict' }],
      }),
      named('TransactionCanceledException', { CancellationReasons: [{ Code: 'None' }] }),
      // The store's own "gave up" after its budget: final, or a caller would wait the budget twice.
      named('StoreUnavailableError'),
      new Error('a bug'),
      undefined,
    ]) {
      expect(isRetryable(e), String(e?.name)).toBe(false);
    }
  });

  it('waits a random time under an exponential cap (full jitter), bounded by capMs', () => {
    const p = { budgetMs: 1_000, baseMs: 10, capMs: 400 };
    expect(jitterDelay(1, p, () => 0.999)).toBeLessThan(20);
    expect(jitterDelay(3, p, () => 0.999)).toBeLessThan(80);
    expect(jitterDelay(30, p, () => 1)).toBe(400);
    expect(jitterDelay(5, p, () => 0)).toBe(0);
  });

  it('retries until success within the budget, and gives the last error once the budget is spent', async () => {
    let calls = 0;
    const flaky = await withRetry(
      async () => {
        calls++;
        if (calls < 4) throw named('ThrottlingException');
        return 'done';
      },
      { budgetMs: 5_000, baseMs: 1, capMs: 2 },
    );
    expect([flaky, calls]).toEqual(['done', 4]);

    let tries = 0;
    const started = Date.now();
    await expect(
      withRetry(
        async () => {
          tries++;
          throw named('ThrottlingException');
        },
        { budgetMs: 60, baseMs: 5, capMs: 10 },
      ),
    ).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect(tries).toBeGreaterThan(1);
    expect(Date.now() - started).toBeLessThan(1_000);

    let once = 0;
    await expect(
      withRetry(
        async () => {
          once++;
          throw named('ConditionalCheckFailedException');
        },
        { budgetMs: 5_000, baseMs: 1, capMs: 2 },
      ),
    ).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    expect(once).toBe(1);
  });
});
