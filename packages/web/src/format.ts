import type { Locale } from './i18n/i18n.tsx';

/** Dates are shown in the programme's time zone (sessions happen in France), whatever the browser's. */
const TIME_ZONE = 'Europe/Paris';
const tag = (l: Locale) => (l === 'fr' ? 'fr-FR' : 'en-GB');
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, kind: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${kind}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(tag(locale), { timeZone: TIME_ZONE, ...opts });
    cache.set(key, f);
  }
  return f;
}

/** "mar. 3 mars 2026, 09:30" */
export function formatDateTime(iso: string, locale: Locale): string {
  return formatter(locale, 'dt', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "mardi 3 mars 2026 de 09:30 à 11:00" */
export function formatSlot(start: string, end: string, locale: Locale): string {
  const day = formatter(locale, 'full', { dateStyle: 'full' }).format(new Date(start));
  const t = formatter(locale, 't', { timeStyle: 'short' });
  const from = t.format(new Date(start));
  const to = t.format(new Date(end));
  return locale === 'fr' ? `${day} de ${from} à ${to}` : `${day}, ${from}–${to}`;
}

export function formatDate(isoOrDate: string, locale: Locale): string {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDate) ? new Date(`${isoOrDate}T12:00:00Z`) : new Date(isoOrDate);
  return formatter(locale, 'd', { dateStyle: 'long' }).format(d);
}

/** "2026-03" → "mars 2026"; "2026-Q2" → "T2 2026" / "Q2 2026". */
export function formatPeriod(period: string, locale: Locale): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return locale === 'fr' ? `T${q[2]} ${q[1]}` : `Q${q[2]} ${q[1]}`;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    return formatter(locale, 'month', { month: 'short', year: 'numeric' }).format(
      new Date(`${m[1]}-${m[2]}-15T12:00:00Z`),
    );
  }
  return period;
}

export function formatNumber(x: number, locale: Locale, digits = 1): string {
  return new Intl.NumberFormat(tag(locale), { maximumFractionDigits: digits }).format(x);
}

export function formatPercent(x: number, locale: Locale): string {
  return new Intl.NumberFormat(tag(locale), { style: 'percent', maximumFractionDigits: 0 }).format(x);
}
