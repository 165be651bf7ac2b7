import { oldestUnindexedStored } from '@parcours/store/xapi-index';

/**
 * X-Experience-API-Consistent-Through (Communication 2.1.3.s2.b5): every Statement stored before this instant is
 * queryable. Statements become queryable when the stream projection has indexed them; until then they carry a sparse
 * GSI marker, so the bound is the oldest marked Statement (minus 1 ms), or "now" when none is pending. A margin
 * covers writes in flight (stored already assigned, transaction not yet committed).
 */
export const IN_FLIGHT_MARGIN_MS = 500;

let last: { value: string; at: number } | undefined;

export async function consistentThrough(now: Date): Promise<string> {
  const oldest = await oldestUnindexedStored();
  const bound = now.getTime() - IN_FLIGHT_MARGIN_MS;
  const pending = oldest === undefined ? Number.POSITIVE_INFINITY : Date.parse(oldest) - 1;
  const value = new Date(Math.min(bound, pending)).toISOString();
  last = { value, at: now.getTime() };
  return value;
}

/**
 * For responses to writes and errors of the Statement resource (the header is due on "all responses"): a bound
 * computed in the last few seconds is still true (an earlier instant is only more conservative), so writes do not
 * pay the index reads on every request.
 */
export async function recentConsistentThrough(now: Date, maxAgeMs = 5000): Promise<string> {
  if (last && now.getTime() - last.at <= maxAgeMs) return last.value;
  return consistentThrough(now);
}
