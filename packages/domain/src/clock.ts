/**
 * The one source of "now" for business rules (cut-offs, attendance and evaluation windows, notification planning,
 * reports, expiry of credentials…). Everything that decides by the time asks this clock, never `Date.now()`.
 *
 * On AWS it is the system clock. The local stack may install another source (`setClockSource`): its HTTP adapter
 * lets tests say "this request happens at T" so that no test waits for real time to pass. Durations measured for
 * performance or deadlines (a Lambda's remaining time) keep using the wall clock: they are not business rules.
 */
export type ClockSource = () => number;

let source: ClockSource = Date.now;

/** Replaces the clock's source; returns the previous one (for tests that restore it). */
export function setClockSource(next: ClockSource): ClockSource {
  const previous = source;
  source = next;
  return previous;
}

/** Milliseconds since the epoch, as the business rules see them. */
export function nowMs(): number {
  return source();
}

/** The current instant as an ISO 8601 UTC string, e.g. `2026-12-03T09:30:00.000Z`. */
export function nowIso(): string {
  return new Date(source()).toISOString();
}

export function nowDate(): Date {
  return new Date(source());
}
