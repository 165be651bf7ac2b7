/**
 * The store's one retry policy. Every table call goes through it (gateway.ts); the SDK's own retries are off so
 * that there is one budget, measured in time, not attempts multiplied across layers.
 *
 * Retried: throttling (`ProvisionedThroughputExceededException`, `ThrottlingException`, `RequestLimitExceeded`),
 * `TransactionConflictException`, cancelled transactions whose only reasons are conflicts or throttling, 5xx from
 * the service, and network failures (connection refused/reset, timeouts). Not retried: anything our own request or
 * condition caused (validation, `ConditionalCheckFailed`), which the caller must handle.
 *
 * Delays are "full jitter" exponential (a random wait in [0, min(cap, base·2ⁿ)]): contenders spread out instead of
 * retrying in lock-step.
 */
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

const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'ThrottlingError',
]);

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
]);

const TRANSIENT_CANCELLATIONS = new Set([
  'TransactionConflict',
  'ProvisionedThroughputExceeded',
  'ThrottlingError',
  'RequestLimitExceeded',
]);

interface SdkErrorShape {
  name?: string;
  code?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number };
  CancellationReasons?: { Code?: string }[];
  cause?: unknown;
}

/** Whether sending the same request again, after a pause, may succeed. */
export function isRetryable(e: unknown): boolean {
  const err = (e ?? {}) as SdkErrorShape;
  const name = err.name ?? '';
  if (THROTTLING.has(name) || name === 'TransactionConflictException') return true;
  if (name === 'TransactionCanceledException') {
    const codes = (err.CancellationReasons ?? []).map((r) => r.Code ?? 'None').filter((c) => c !== 'None');
    return codes.length > 0 && codes.every((c) => TRANSIENT_CANCELLATIONS.has(c));
  }
  if (name === 'ConditionalCheckFailedException' || name === 'ValidationException') return false;
  if ((err.$metadata?.httpStatusCode ?? 0) >= 500 || err.$fault === 'server') return true;
  if (name === 'TimeoutError' || name === 'RequestTimeout' || name === 'AbortError') return true;
  const code = err.code ?? (err.cause as SdkErrorShape | undefined)?.code ?? '';
  return NETWORK_CODES.has(code);
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
