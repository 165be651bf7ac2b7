/**
 * ISO 8601 timestamps and durations as xAPI 1.0.3 uses them.
 *
 * Timestamps (Data §4.5): "A Timestamp MUST be formatted according to ISO 8601" (s1.b1), "SHOULD* include the time
 * zone" (s1.b4) and MUST keep millisecond precision (s1.b3). Both the extended (`2013-05-18T05:32:34.804+00:00`) and
 * the basic (`20130518T053234.804Z`) formats are accepted, with calendar, ordinal or week dates. This LRS is stricter
 * than the SHOULD: a timestamp without a time zone is rejected, because it does not name a point in time and could
 * not be returned in UTC (s1.b6). The offsets `-00:00`, `-0000` and `-00` are rejected too: RFC 3339 §4.3 (the
 * profile s1.b2 recommends) gives them the meaning "local offset unknown", and the ADL conformance suite expects a 400.
 *
 * Durations (Data §4.6): "MUST be expressed using the format for Duration in ISO 8601:2004(E) section 4.4.3.2. The
 * alternative format ... MUST NOT be used." So `PnYnMnDTnHnMnS` or `PnW` only, weeks not combined with other units.
 */

export interface ParsedTimestamp {
  /** Milliseconds since the Unix epoch (sub-millisecond digits truncated, as Data §4.5.s1.b7 allows). */
  epochMs: number;
  /** The offset from UTC the timestamp was written with, in minutes. */
  offsetMinutes: number;
  /** The fraction-of-second digits as written (may carry more than millisecond precision). */
  fraction: string;
}

type DateParts = { year: number; month: number; day: number };

const CALENDAR_EXTENDED = /^(\d{4})-(\d{2})-(\d{2})$/;
const CALENDAR_BASIC = /^(\d{4})(\d{2})(\d{2})$/;
const ORDINAL = /^(\d{4})-?(\d{3})$/;
const WEEK = /^(\d{4})-?W(\d{2})-?([1-7])$/;
// A decimal fraction is only accepted on the seconds: hours-only or minutes-only times are whole.
const TIME_EXTENDED = /^(\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?$/;
const TIME_BASIC = /^(\d{2})(?:(\d{2})(?:(\d{2})(?:[.,](\d+))?)?)?$/;
const ZONE = /(Z|[+-]\d{2}(?::?\d{2})?)$/i;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Midnight UTC of a proleptic Gregorian date; `setUTCFullYear` avoids Date.UTC's 1900 offset for years 0-99. */
function utcMidnight(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function parseDate(text: string): DateParts | undefined {
  const calendar = CALENDAR_EXTENDED.exec(text) ?? CALENDAR_BASIC.exec(text);
  if (calendar) {
    const [year, month, day] = [Number(calendar[1]), Number(calendar[2]), Number(calendar[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    return { year, month, day };
  }
  const ordinal = ORDINAL.exec(text);
  if (ordinal) {
    const [year, dayOfYear] = [Number(ordinal[1]), Number(ordinal[2])];
    if (dayOfYear < 1 || dayOfYear > (isLeapYear(year) ? 366 : 365)) return undefined;
    const date = new Date(utcMidnight(year, 1, dayOfYear));
    return { year, month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  }
  const week = WEEK.exec(text);
  if (week) {
    const [year, weekNumber, weekday] = [Number(week[1]), Number(week[2]), Number(week[3])];
    // ISO week 1 is the week holding January 4th; weeks start on Monday.
    const jan4 = new Date(utcMidnight(year, 1, 4));
    const mondayOfWeek1 = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000;
    const date = new Date(mondayOfWeek1 + ((weekNumber - 1) * 7 + (weekday - 1)) * 86_400_000);
    const lastWeek = new Date(utcMidnight(year, 12, 28));
    const weeksInYear = Math.ceil((lastWeek.getTime() - mondayOfWeek1 + 86_400_000) / (7 * 86_400_000));
    if (weekNumber < 1 || weekNumber > weeksInYear) return undefined;
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  }
  return undefined;
}

function parseZone(zone: string): number | undefined {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return undefined;
  // RFC 3339 §4.3: "-00:00" means the offset to local time is unknown; it names no point in time.
  if (sign === -1 && hours === 0 && minutes === 0) return undefined;
  return sign * (hours * 60 + minutes);
}

/**
 * Parses an ISO 8601 combined date-time with a time zone. Returns `undefined` when the string is not one (including
 * when the zone is missing or is an "unknown local offset").
 */
export function parseTimestamp(text: string): ParsedTimestamp | undefined {
  const separator = text.search(/[Tt]/);
  if (separator < 0) return undefined;
  const date = parseDate(text.slice(0, separator));
  const zoneMatch = ZONE.exec(text.slice(separator + 1));
  if (!date || !zoneMatch || zoneMatch.index === undefined) return undefined;
  const timeText = text.slice(separator + 1, separator + 1 + zoneMatch.index);
  const offsetMinutes = parseZone(zoneMatch[1] ?? '');
  const time = TIME_EXTENDED.exec(timeText) ?? TIME_BASIC.exec(timeText);
  if (offsetMinutes === undefined || !time) return undefined;
  const hours = Number(time[1]);
  const minutes = Number(time[2] ?? '0');
  const seconds = Number(time[3] ?? '0');
  const fraction = time[4] ?? '';
  // ISO 8601 allows 24:00:00 as the end of a day; seconds may be 60 for a leap second (RFC 3339 §5.7).
  const endOfDay = hours === 24 && minutes === 0 && seconds === 0 && /^0*$/.test(fraction);
  if ((hours > 23 && !endOfDay) || minutes > 59 || seconds > 60) return undefined;
  const fractionMs = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const local =
    utcMidnight(date.year, date.month, date.day) +
    ((hours * 60 + minutes) * 60 + seconds) * 1000 +
    fractionMs;
  return { epochMs: local - offsetMinutes * 60_000, offsetMinutes, fraction };
}

/** True when `text` is an ISO 8601 timestamp acceptable in a Statement (see the module comment). */
export function isTimestamp(text: string): boolean {
  return parseTimestamp(text) !== undefined;
}

/**
 * Re-serialises a timestamp in UTC with millisecond precision: "The LRS SHOULD* return the Timestamp in UTC timezone"
 * (Data §4.5.s1.b6) and "MAY be truncated or rounded to a precision of at least 3 decimal digits" (s1.b7).
 */
export function toUtcTimestamp(text: string): string | undefined {
  const parsed = parseTimestamp(text);
  return parsed ? new Date(parsed.epochMs).toISOString() : undefined;
}

export interface ParsedDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const NUMBER = '(\\d+(?:[.,]\\d+)?)';
const DURATION = new RegExp(
  `^P(?:${NUMBER}Y)?(?:${NUMBER}M)?(?:${NUMBER}D)?(?:T(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?$`,
);
const WEEKS = new RegExp(`^P${NUMBER}W$`);

function toNumber(value: string | undefined): number {
  return value === undefined ? 0 : Number(value.replace(',', '.'));
}

/**
 * Parses an ISO 8601:2004 §4.4.3.2 duration (`P3Y1M29DT4H35M59.14S`, `PT16559.14S`, `P4W`). Only the lowest-order
 * component present may carry a decimal fraction (ISO 8601 §4.4.3.2); at least one component is required, and a `T`
 * must be followed by a time component.
 */
export function parseDuration(text: string): ParsedDuration | undefined {
  const weeks = WEEKS.exec(text);
  if (weeks)
    return { years: 0, months: 0, weeks: toNumber(weeks[1]), days: 0, hours: 0, minutes: 0, seconds: 0 };
  const match = DURATION.exec(text);
  if (!match || text.endsWith('T')) return undefined;
  const parts = match.slice(1, 7);
  const present = parts.filter((part) => part !== undefined);
  if (present.length === 0) return undefined;
  if (present.slice(0, -1).some((part) => /[.,]/.test(part))) return undefined;
  const [years, months, days, hours, minutes, seconds] = parts.map(toNumber);
  return {
    years: years ?? 0,
    months: months ?? 0,
    weeks: 0,
    days: days ?? 0,
    hours: hours ?? 0,
    minutes: minutes ?? 0,
    seconds: seconds ?? 0,
  };
}

/** True when `text` is an ISO 8601 duration in the format Data §4.6 requires. */
export function isDuration(text: string): boolean {
  return parseDuration(text) !== undefined;
}

/**
 * The duration string with any seconds precision beyond 0.01 s dropped: "When comparing Durations, any precision
 * beyond 0.01 second precision SHOULD* NOT be included in the comparison" (Data §4.6.s1.b5). The string is otherwise
 * untouched, since a Duration "is considered a string for purposes of Statement comparison" (§2.3.1.b8).
 */
export function durationForComparison(text: string): string {
  return text.replace(/([.,]\d{2})\d+S$/, '$1S');
}
