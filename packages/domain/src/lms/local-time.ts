import { toParisIso } from './time.ts';

/**
 * The UTC instant of a Europe/Paris wall-clock time, DST-aware: `parisLocalToUtc('2026-03-03', '09:30')` is
 * 08:30Z in winter, and 07:30Z in summer. Used by people-facing inputs (and the demo programme) that think in
 * local time. Wall-clock times that do not exist (the spring-forward hour) resolve to the instant one hour later;
 * ambiguous ones (the autumn hour that happens twice) to the first occurrence.
 */
export function parisLocalToUtc(date: string, time: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m || !t) throw new Error(`expected YYYY-MM-DD and HH:MM, got '${date}' '${time}'`);
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +t[1]!, +t[2]!);
  // Paris is UTC+1 or UTC+2: try the earlier offset first, keep whichever renders back to the requested time.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(wall - offsetHours * 3_600_000).toISOString();
    if (toParisIso(candidate).slice(0, 16) === `${date}T${time}`) return candidate;
  }
  return new Date(wall - 3_600_000).toISOString();
}
