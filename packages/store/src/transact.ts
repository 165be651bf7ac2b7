import {
  type AttributeValue,
  TransactionCanceledException,
  TransactionConflictException,
} from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.ts';

/** One element of TransactItems, in document-client form (plain JS values). */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** DynamoDB's hard limit on the number of items in one TransactWriteItems call. */
export const MAX_TRANSACTION_ITEMS = 100;

/**
 * An operation plus a caller-chosen tag saying what it is (e.g. `{ kind: 'trainer-lock', trainerId }`), so that
 * a cancellation is reported in the caller's terms rather than as positions in an array.
 */
export interface TaggedOp<T> {
  op: TransactItem;
  tag: T;
}

/** DynamoDB's cancellation codes; `None` items are not reported as failures. */
export type CancellationCode =
  | 'ConditionalCheckFailed'
  | 'TransactionConflict'
  | 'ItemCollectionSizeLimitExceeded'
  | 'ProvisionedThroughputExceeded'
  | 'ThrottlingError'
  | 'RequestLimitExceeded'
  | 'ValidationError'
  | (string & {});

export interface OpFailure<T> {
  index: number;
  tag: T;
  code: CancellationCode;
  message?: string;
  /** The item as it was, when the op asked for `ReturnValuesOnConditionCheckFailure: 'ALL_OLD'` (wire format). */
  item?: Record<string, AttributeValue>;
}

export type TransactOutcome<T> =
  | { ok: true }
  | {
      ok: false;
      /** Ops that caused the cancellation, with their tags. Empty when DynamoDB gave no per-item reasons. */
      failures: OpFailure<T>[];
      /**
       * Retrying the same decision may succeed: another transaction was in flight on one of the items, or the
       * service throttled. Condition failures are not transient: the caller must re-read before retrying.
       */
      transient: boolean;
    };

const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  'TransactionConflict',
  'ProvisionedThroughputExceeded',
  'ThrottlingError',
  'RequestLimitExceeded',
]);

/**
 * Runs TransactWriteItems and turns a cancellation into data instead of an exception: which tagged ops failed
 * and why. Anything else (validation errors of the request itself, network errors after the SDK's retries)
 * still throws, since no caller can do anything sensible with it.
 */
export async function transactWrite<T>(
  ops: readonly TaggedOp<T>[],
  opts: { clientRequestToken?: string } = {},
): Promise<TransactOutcome<T>> {
  if (ops.length === 0) return { ok: true };
  if (ops.length > MAX_TRANSACTION_ITEMS) {
    throw new Error(`transactWrite: ${ops.length} items exceed the limit of ${MAX_TRANSACTION_ITEMS}`);
  }
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: ops.map((o) => o.op),
        ...(opts.clientRequestToken ? { ClientRequestToken: opts.clientRequestToken } : {}),
      }),
    );
    return { ok: true };
  } catch (e) {
    if (e instanceof TransactionCanceledException) {
      const failures: OpFailure<T>[] = [];
      (e.CancellationReasons ?? []).forEach((r, index) => {
        if (!r.Code || r.Code === 'None') return;
        failures.push({
          index,
          tag: ops[index]!.tag,
          code: r.Code,
          ...(r.Message ? { message: r.Message } : {}),
          ...(r.Item ? { item: r.Item } : {}),
        });
      });
      const transient = failures.length === 0 || failures.some((f) => TRANSIENT_CODES.has(f.code));
      return { ok: false, failures, transient };
    }
    // Thrown when a transaction races a non-transactional write on one of the items: transient by definition.
    if (e instanceof TransactionConflictException) return { ok: false, failures: [], transient: true };
    throw e;
  }
}

/** Splits a list into chunks of at most `size` (e.g. ops into transactions of ≤ 100 items). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Returned by an attempt of `withOptimisticRetry` to ask for another attempt (after a fresh read). */
export const RETRY: unique symbol = Symbol('retry');

/**
 * Runs a read-decide-write attempt until it returns something other than RETRY, with full-jitter exponential
 * backoff between attempts so that contenders spread out. Business errors thrown by an attempt propagate as is.
 */
export async function withOptimisticRetry<R>(
  attempt: (n: number) => Promise<R | typeof RETRY>,
  opts: { attempts?: number; baseDelayMs?: number; onExhausted: () => Error },
): Promise<R> {
  const attempts = opts.attempts ?? 8;
  const base = opts.baseDelayMs ?? 20;
  for (let n = 0; n < attempts; n++) {
    if (n > 0) await new Promise((r) => setTimeout(r, Math.random() * base * 2 ** Math.min(n, 6)));
    const r = await attempt(n);
    if (r !== RETRY) return r as R;
  }
  throw opts.onExhausted();
}
