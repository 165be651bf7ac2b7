import { Logger } from '@aws-lambda-powertools/logger';

/** Keys whose values never reach the logs (tokens, secrets, personal contact data). */
const REDACTED_KEYS = /^(authorization|cookie|password|secret|token|apikey|api_key|x-api-key|email|mbox)$/i;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] = REDACTED_KEYS.test(k) ? '[redacted]' : redact(v, depth + 1);
  return out;
}

export const logger = new Logger({
  serviceName: 'parcours',
  logLevel:
    (process.env['LOG_LEVEL'] as 'INFO' | 'DEBUG' | 'WARN' | 'ERROR' | 'SILENT' | undefined) ?? 'INFO',
});
