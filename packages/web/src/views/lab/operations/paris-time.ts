/**
 * Dates the lab types are Paris dates (the programme's time zone), whatever the browser's: these turn a
 * `YYYY-MM-DD` typed in a date input into an instant with Paris's offset of that day, for the API.
 */
const OFFSET = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' });
const DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "+01:00" in winter, "+02:00" in summer. */
function parisOffset(date: string, time: string): string {
  const name = OFFSET.formatToParts(new Date(`${date}T${time}Z`)).find((p) => p.type === 'timeZoneName');
  return /GMT([+-]\d{2}:\d{2})/.exec(name?.value ?? '')?.[1] ?? '+01:00';
}

/** `2026-03-03`, `23:59:59` → `2026-03-03T23:59:59+01:00`. */
export function parisInstant(date: string, time = '00:00:00'): string {
  return `${date}T${time}${parisOffset(date, time)}`;
}

/** Today in Paris, as `YYYY-MM-DD` (the `max` of a date input that cannot be in the future). */
export function parisToday(now = new Date()): string {
  return DAY.format(now);
}
