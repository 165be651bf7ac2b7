/**
 * Optimistic concurrency: read, decide, write with conditions on what was read; when a condition fails (someone
 * changed the data meanwhile), read again and decide again. Transient faults (throttling, conflicts) are retried by
 * the gateway itself; this loop is for stale reads. Its budget is the store's retry budget, in time.
 */
import { pauseBeforeRetry, retryPolicy } from './retry-policy.ts';

/** Returned by an attempt to ask for another one (after a fresh read). */
export const RETRY: unique symbol = Symbol('retry');

/**
 * Runs `attempt` until it returns something other than RETRY, with jittered backoff between attempts so that
 * contenders spread out. Business errors thrown by an attempt propagate as is; `onExhausted` is thrown when the
 * budget is spent (a 409 "too busy, retry" for the caller).
 */
export async function withOptimisticRetry<R>(
  attempt: (n: number) => Promise<R | typeof RETRY>,
  opts: { onExhausted: () => Error },
): Promise<R> {
  const policy = retryPolicy();
  const started = Date.now();
  for (let n = 0; ; n++) {
    if (n > 0 && !(await pauseBeforeRetry(n, started, policy))) throw opts.onExhausted();
    const r = await attempt(n);
    if (r !== RETRY) return r as R;
  }
}

/** Splits a list into chunks of at most `size` (e.g. ops into transactions of ≤ 100 items). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Packs groups of items that must commit together (one learner's enrolment and booking copy, a sheet's line) into
 * batches of at most `limit` items, in order, never splitting a group.
 */
export function packGroups<T>(groups: readonly T[][], limit: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  for (const g of groups) {
    if (current.length > 0 && current.length + g.length > limit) {
      batches.push(current);
      current = [];
    }
    current.push(...g);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
