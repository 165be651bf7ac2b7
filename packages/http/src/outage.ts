/**
 * A dependency down or overloaded (the table, SES) is neither a bug nor the caller's fault: the API answers 503
 * with `Retry-After`, and the generic body of every 5xx. Recognised from what the AWS SDK throws once its own retries
 * are spent: a network failure, a timeout, throttling, or a 5xx from the service.
 */
const OUTAGE_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
  'InternalServerError',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TransactionConflictException',
  // The store's own: a batch or a transaction it could not finish within its retry budget (store/gateway.ts).
  'StoreUnavailableError',
]);

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
]);

/** Seconds a client should wait before retrying after an outage answer. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

export function isDependencyOutage(e: unknown, depth = 0): boolean {
  if (typeof e !== 'object' || e === null || depth > 3) return false;
  const err = e as {
    name?: unknown;
    code?: unknown;
    cause?: unknown;
    $metadata?: { httpStatusCode?: number };
    errors?: unknown[];
  };
  if (typeof err.name === 'string' && OUTAGE_NAMES.has(err.name)) return true;
  if (typeof err.code === 'string' && NETWORK_CODES.has(err.code)) return true;
  const status = err.$metadata?.httpStatusCode;
  if (typeof status === 'number' && status >= 500) return true;
  // Node wraps connection failures (AggregateError of each address tried, or a `cause`).
  if (Array.isArray(err.errors) && err.errors.some((x) => isDependencyOutage(x, depth + 1))) return true;
  return isDependencyOutage(err.cause, depth + 1);
}

export const OUTAGE_BODY = {
  error: {
    code: 'service-unavailable',
    message:
      'Le service est momentanément indisponible, réessayez dans un instant. / The service is temporarily unavailable; retry in a moment.',
  },
} as const;
