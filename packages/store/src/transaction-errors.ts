import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/**
 * What a cancelled TransactWriteItems tells us, item by item. DynamoDB reports one reason per item, in request
 * order: `ConditionalCheckFailed` (our condition said no), `TransactionConflict` (another transaction touched the
 * item at the same time: retry), or `None`.
 */
export interface CancellationInfo {
  reasons: string[];
  conditionFailedAt: number[];
  conflict: boolean;
}

export function cancellationInfo(e: unknown): CancellationInfo | undefined {
  const isCancel =
    e instanceof TransactionCanceledException ||
    (e as { name?: string } | null)?.name === 'TransactionCanceledException';
  if (!isCancel) return undefined;
  const reasons = ((e as TransactionCanceledException).CancellationReasons ?? []).map(
    (r) => r.Code ?? 'None',
  );
  return {
    reasons,
    conditionFailedAt: reasons.flatMap((r, i) => (r === 'ConditionalCheckFailed' ? [i] : [])),
    conflict: reasons.includes('TransactionConflict'),
  };
}

/** Transient contention: conflicts between concurrent transactions, or throttling. Safe to retry after a backoff. */
export function isTransient(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name ?? '';
  if (
    name === 'TransactionConflictException' ||
    name === 'ProvisionedThroughputExceededException' ||
    name === 'ThrottlingException'
  ) {
    return true;
  }
  const info = cancellationInfo(e);
  return Boolean(info?.conflict && info.conditionFailedAt.length === 0);
}

/** Full-jitter exponential backoff (AWS Architecture Blog), capped. */
export function backoff(attempt: number, baseMs = 10, capMs = 400): Promise<void> {
  const ms = Math.random() * Math.min(capMs, baseMs * 2 ** attempt);
  return new Promise((r) => setTimeout(r, ms));
}

/** Our own condition said no (a single-item write; transactions report it per item, see `cancellationInfo`). */
export function isConditionFailure(e: unknown): boolean {
  return (e as { name?: string } | null)?.name === 'ConditionalCheckFailedException';
}
