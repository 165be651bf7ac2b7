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

type Level = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
const RANK: Readonly<Record<Level | 'SILENT', number>> = {
  DEBUG: 10,
  INFO: 20,
  WARN: 30,
  ERROR: 40,
  SILENT: 99,
};

/** Powertools' level names that have no level of their own here. */
const ALIASES: Readonly<Record<string, Level>> = { TRACE: 'DEBUG', CRITICAL: 'ERROR' };

/** LOG_LEVEL, read once at cold start; an unknown value is a deployment bug and fails the init loudly. */
function threshold(): number {
  const given = (process.env['LOG_LEVEL'] ?? 'INFO').toUpperCase();
  const level = ALIASES[given] ?? given;
  const rank = RANK[level as Level | 'SILENT'];
  if (rank === undefined)
    throw new Error(`LOG_LEVEL must be one of ${Object.keys(RANK).join(', ')}, not '${level}'`);
  return rank;
}
const minimum = threshold();

/**
 * Structured logs, one JSON object per line, with the fields CloudWatch Logs Insights queries (`level`, `message`,
 * `timestamp`, `service`, `xray_trace_id`). A dozen call sites use it, for which Powertools' Logger (~22 KB of every
 * bundle, issue #16) brought nothing more. Callers redact what they pass (`redact`); the clock is the wall clock on
 * purpose: a log line says when it was written, not the business time.
 */
function write(level: Level, message: string, fields?: Record<string, unknown>): void {
  if (RANK[level] < minimum) return;
  const trace = process.env['_X_AMZN_TRACE_ID'];
  // The caller's fields first: they cannot overwrite the level, the message or the timestamp.
  process.stdout.write(
    `${JSON.stringify({
      ...fields,
      level,
      message,
      timestamp: new Date().toISOString(),
      service: 'parcours',
      ...(trace ? { xray_trace_id: trace.split(';')[0]?.replace('Root=', '') } : {}),
    })}\n`,
  );
}

export const logger = {
  debug: (message: string, fields?: Record<string, unknown>) => write('DEBUG', message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write('INFO', message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write('WARN', message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write('ERROR', message, fields),
};
