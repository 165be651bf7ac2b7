import type { Locale } from '../roles.ts';

/** Sessions are stored in UTC and shown in the programme's time zone. */
export const PROGRAMME_TIME_ZONE = 'Europe/Paris';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "mardi 3 mars 2026 à 09:30" / "Tuesday, March 3, 2026 at 09:30", in Europe/Paris wall-clock time. */
export function formatLocal(iso: string, locale: Locale = 'fr'): string {
  const key = locale;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      timeZone: PROGRAMME_TIME_ZONE,
      dateStyle: 'full',
      timeStyle: 'short',
    });
    formatters.set(key, f);
  }
  return f.format(new Date(iso));
}

/** Built once: constructing an Intl.DateTimeFormat costs far more than formatting with it (two per session row). */
let parisParts: Intl.DateTimeFormat | undefined;

/** Session times recur on every listing: their Paris form is remembered (bounded). */
const parisIsoMemo = new Map<string, string>();

/** ISO 8601 local time with offset in Europe/Paris, e.g. 2026-03-03T09:30:00+01:00 (machine-readable, DST-aware). */
export function toParisIso(iso: string): string {
  const known = parisIsoMemo.get(iso);
  if (known !== undefined) return known;
  if (parisIsoMemo.size >= 10_000) parisIsoMemo.clear();
  const out = computeParisIso(iso);
  parisIsoMemo.set(iso, out);
  return out;
}

function computeParisIso(iso: string): string {
  const d = new Date(iso);
  parisParts ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: PROGRAMME_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const parts = Object.fromEntries(parisParts.formatToParts(d).map((p) => [p.type, p.value]));
  const local = Date.UTC(
    +parts['year']!,
    +parts['month']! - 1,
    +parts['day']!,
    +parts['hour']!,
    +parts['minute']!,
    +parts['second']!,
  );
  const offsetMin = Math.round((local - d.getTime()) / 60000);
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  const off = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}:${parts['second']}${off}`;
}

export interface Interval {
  start: string;
  end: string;
}

/** Half-open intervals [start, end): a session ending at 10:30 does not overlap one starting at 10:30. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

export function addHours(iso: string, hours: number): string {
  return new Date(new Date(iso).getTime() + hours * 3_600_000).toISOString();
}

export function addDays(iso: string, days: number): string {
  return addHours(iso, days * 24);
}
