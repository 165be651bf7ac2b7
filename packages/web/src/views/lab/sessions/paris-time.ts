/**
 * Europe/Paris wall-clock time ↔ UTC instants, without a date library. Sessions happen in France: the lab types
 * "2026-03-03" + "09:30" whatever the browser's time zone, and the API wants an ISO instant.
 */
const ZONE = 'Europe/Paris';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The Paris wall clock at a UTC instant, as numbers. */
function wallClock(ms: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const p: Record<string, number> = {};
  for (const x of parts.formatToParts(new Date(ms))) if (x.type !== 'literal') p[x.type] = Number(x.value);
  return {
    y: p.year ?? 0,
    mo: p.month ?? 1,
    d: p.day ?? 1,
    h: p.hour ?? 0,
    mi: p.minute ?? 0,
    s: p.second ?? 0,
  };
}

/** Paris offset from UTC at that instant, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetAt(ms: number): number {
  const w = wallClock(ms);
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(ms / 1000) * 1000;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "2026-03-03" + "09:30" in Paris → "2026-03-03T08:30:00.000Z". Undefined for a malformed input or a time that
 * does not exist in Paris (the hour skipped when clocks go forward), so the form can say so.
 */
export function parisToInstant(date: string, time: string): string | undefined {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dm || !tm) return undefined;
  const wall = Date.UTC(Number(dm[1]), Number(dm[2]) - 1, Number(dm[3]), Number(tm[1]), Number(tm[2]));
  // Two passes: the offset of the first guess may differ from the offset at the result near a DST change.
  let ms = wall - offsetAt(wall);
  ms = wall - offsetAt(ms);
  const back = instantToParis(new Date(ms).toISOString());
  if (back.date !== date || back.time !== time) return undefined;
  return new Date(ms).toISOString();
}

/** An instant → its Paris date ("2026-03-03") and time ("09:30"), as date and time inputs want them. */
export function instantToParis(iso: string): { date: string; time: string } {
  const w = wallClock(Date.parse(iso));
  return { date: `${w.y}-${pad(w.mo)}-${pad(w.d)}`, time: `${pad(w.h)}:${pad(w.mi)}` };
}

/** A month as "YYYY-MM". */
export type Month = string;

export function isMonth(s: string | null | undefined): s is Month {
  return !!s && /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
}

/** The current month in Paris. */
export function currentMonth(now = Date.now()): Month {
  return instantToParis(new Date(now).toISOString()).date.slice(0, 7);
}

/** Today in Paris, "YYYY-MM-DD". */
export function todayInParis(now = Date.now()): string {
  return instantToParis(new Date(now).toISOString()).date;
}

export function addMonths(month: Month, n: number): Month {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1 + n, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/** The instants bounding a Paris month: sessions starting in [from, to). */
export function monthRange(month: Month): { from: string; to: string } {
  const from = parisToInstant(`${month}-01`, '00:00');
  const to = parisToInstant(`${addMonths(month, 1)}-01`, '00:00');
  if (!from || !to) throw new Error(`invalid month ${month}`);
  return { from, to };
}

/**
 * The month's grid, Monday first (the French week): weeks of 7 cells, each a "YYYY-MM-DD" of the month or
 * undefined for the days of the neighbouring months.
 */
export function monthWeeks(month: Month): (string | undefined)[][] {
  const [y, m] = month.split('-').map(Number);
  const first = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1));
  const days = new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // Monday = 0
  const cells: (string | undefined)[] = Array.from({ length: lead }, () => undefined);
  for (let d = 1; d <= days; d++) cells.push(`${month}-${pad(d)}`);
  while (cells.length % 7 !== 0) cells.push(undefined);
  const weeks: (string | undefined)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
