/**
 * The store's one retry policy. Every table call goes through it (gateway.ts); the SDK's own retries are off so
 * that there is one budget, measured in time, not attempts multiplied across layers.
 *
 * Retried: throttling, `TransactionConflictException`, cancelled transactions whose only reasons are conflicts or
 * throttling, 5xx from the service, and network failures (connection refused/reset, timeouts). Not retried:
 * anything our own request or condition caused (validation, `ConditionalCheckFailed`), which the caller handles.
 *
 * Delays are "full jitter" exponential (a random wait in [0, min(cap, base·2ⁿ)]): contenders spread out instead of
 * retrying in lock-step.
 */
import { isDependencyOutage } from '@parcours/http/outage';
import { storeConfig } from './config.ts';

export interface RetryPolicy {
  /** Give up once this much time has gone by since the first attempt. */
  budgetMs: number;
  baseMs: number;
  capMs: number;
}

export function retryPolicy(): RetryPolicy {
  return { budgetMs: storeConfig().STORE_RETRY_BUDGET_MS, baseMs: 8, capMs: 400 };
}

const TRANSIENT_CANCELLATIONS = new Set([
  'TransactionConflict',
  'ProvisionedThroughputExceeded',
  'ThrottlingError',
  'RequestLimitExceeded',
]);

interface SdkErrorShape {
  name?: string;
  CancellationReasons?: { Code?: string }[];
}

/**
 * Whether sending the same request again, after a pause, may succeed: what the API would call a dependency outage
 * (throttling, 5xx, timeouts, network failures: one list, `@parcours/http/outage`), plus transactions cancelled only
 * by conflicts or throttling. The store's own "gave up" error is final: retrying it would wait the budget twice.
 */
export function isRetryable(e: unknown): boolean {
  const err = (e ?? {}) as SdkErrorShape;
  if (err.name === 'StoreUnavailableError') return false;
  if (err.name === 'TransactionCanceledException') {
    const codes = (err.CancellationReasons ?? []).map((r) => r.Code ?? 'None').filter((c) => c !== 'None');
    return codes.length > 0 && codes.every((c) => TRANSIENT_CANCELLATIONS.has(c));
  }
  return isDependencyOutage(e);
}

/** The wait before attempt `n` (n ≥ 1): full jitter. */
export function jitterDelay(n: number, p: RetryPolicy, random = Math.random): number {
  return random() * Math.min(p.capMs, p.baseMs * 2 ** Math.min(n, 16));
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Counters a bench or a test reads: calls sent, how often the policy had to retry, and how often it gave up. */
const metrics = { calls: 0, retries: 0, exhausted: 0 };

export function storeMetrics(): Readonly<typeof metrics> {
  return { ...metrics };
}

export function countCall(): void {
  metrics.calls++;
}

export function countRetry(): void {
  metrics.retries++;
}

/**
 * Runs `attempt` until it succeeds, throws something not retryable, or the budget is spent (then the last error
 * is thrown: the caller maps it to a 503). `attempt` receives the attempt number (0-based).
 */
export async function withRetry<R>(
  attempt: (n: number) => Promise<R>,
  policy: RetryPolicy = retryPolicy(),
): Promise<R> {
  const started = Date.now();
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (e) {
      if (!isRetryable(e)) throw e;
      const wait = jitterDelay(n + 1, policy);
      if (Date.now() - started + wait > policy.budgetMs) {
        metrics.exhausted++;
        throw e;
      }
      countRetry();
      await sleep(wait);
    }
  }
}

/**
 * For loops that make progress step by step (leftovers of a batch): waits before step `n`, or says the budget is
 * spent. Returns false when the caller must give up.
 */
export async function pauseBeforeRetry(n: number, started: number, policy: RetryPolicy): Promise<boolean> {
  const wait = jitterDelay(n, policy);
  if (Date.now() - started + wait > policy.budgetMs) {
    metrics.exhausted++;
    return false;
  }
  countRetry();
  await sleep(wait);
  return true;
}
