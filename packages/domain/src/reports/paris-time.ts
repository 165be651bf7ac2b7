/**
 * Calendar dates in Europe/Paris for reports: which day (dd/mm/yyyy) and which month an instant falls in. Exports
 * format tens of thousands of dates, so this is arithmetic rather than Intl: France follows the EU rule (UTC+1,
 * UTC+2 from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October), unchanged since
 * 1996. Unit tests compare it with Intl over many instants.
 */

const HOUR = 3_600_000;

/** 01:00 UTC on the last Sunday of the month (month 0-based). */
function lastSundayOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  const back = lastDay.getUTCDay(); // 0 = Sunday
  return Date.UTC(year, month, lastDay.getUTCDate() - back, 1);
}

const dstCache = new Map<number, [number, number]>();

function dstWindow(year: number): [number, number] {
  let w = dstCache.get(year);
  if (!w) {
    w = [lastSundayOneUtc(year, 2), lastSundayOneUtc(year, 9)];
    dstCache.set(year, w);
  }
  return w;
}

/** Offset of Paris wall-clock time from UTC at this instant, in ms. */
export function parisOffsetMs(epochMs: number): number {
  const year = new Date(epochMs).getUTCFullYear();
  const [start, end] = dstWindow(year);
  return epochMs >= start && epochMs < end ? 2 * HOUR : HOUR;
}

const dayCache = new Map<string, string>();

/**
 * `YYYY-MM-DD` of the instant in Paris. The answer depends on the UTC hour only (offsets change, and Paris days
 * start, on the hour), so it is memoised by `YYYY-MM-DDTHH`: exports format the same few thousand hours again and
 * again.
 */
export function parisDay(iso: string): string {
  const hourKey = iso.length >= 13 && iso[10] === 'T' && iso.endsWith('Z') ? iso.slice(0, 13) : undefined;
  if (hourKey) {
    const hit = dayCache.get(hourKey);
    if (hit !== undefined) return hit;
  }
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const day = new Date(t + parisOffsetMs(t)).toISOString().slice(0, 10);
  if (hourKey) {
    if (dayCache.size > 200_000) dayCache.clear();
    dayCache.set(hourKey, day);
  }
  return day;
}

/** `YYYY-MM` of the instant in Paris (the reporting period of a session or a response). */
export function parisMonth(iso: string): string {
  return parisDay(iso).slice(0, 7);
}

/** `dd/mm/yyyy` (what French Excel reads as a date), in Paris; empty for a missing or invalid instant. */
export function frDate(iso: string | undefined): string {
  if (!iso) return '';
  const d = parisDay(iso);
  return d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '';
}

/** The first instant (UTC ISO) of a Paris calendar day `YYYY-MM-DD`. */
export function parisDayStart(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  return new Date(guess - parisOffsetMs(guess - HOUR)).toISOString();
}

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to` inclusive (empty when `from` > `to`). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) out.push(m);
  return out;
}

const MONTH_NAMES = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
} as const;

/** "octobre 2026" / "October 2026". */
export function monthLabel(month: string, locale: 'fr' | 'en'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${MONTH_NAMES[locale][m - 1]} ${y}`;
}
