import { describe, expect, it } from 'vitest';
import {
  frDate,
  monthLabel,
  monthsBetween,
  parisDay,
  parisDayStart,
  parisMonth,
  previousMonth,
} from '../../../packages/domain/src/reports/paris-time.ts';

const intlDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

describe('Paris calendar dates', () => {
  it('agrees with Intl (Europe/Paris) over many instants, DST changes included', () => {
    const start = Date.UTC(2024, 0, 1);
    for (let t = start; t < Date.UTC(2030, 0, 1); t += 3_600_000 * 7 + 60_000 * 13) {
      const iso = new Date(t).toISOString();
      expect(parisDay(iso), iso).toBe(intlDay.format(new Date(t)));
    }
  });

  it('puts late-evening UTC instants on the next Paris day and month', () => {
    expect(parisDay('2026-09-30T22:30:00.000Z')).toBe('2026-10-01');
    expect(parisMonth('2026-09-30T22:30:00.000Z')).toBe('2026-10');
    expect(parisDay('2026-12-31T23:00:00.000Z')).toBe('2027-01-01');
    expect(parisDay('2026-03-29T00:59:59.000Z')).toBe('2026-03-29');
  });

  it('formats dd/mm/yyyy for Excel, empty when missing', () => {
    expect(frDate('2026-09-12T08:30:00.000Z')).toBe('12/09/2026');
    expect(frDate(undefined)).toBe('');
    expect(frDate('not a date')).toBe('');
  });

  it('computes month ranges, the previous month and labels', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2027-02', '2026-11')).toEqual([]);
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(monthLabel('2026-10', 'fr')).toBe('octobre 2026');
    expect(monthLabel('2026-10', 'en')).toBe('October 2026');
  });

  it('finds the first instant of a Paris day (summer and winter)', () => {
    expect(parisDayStart('2026-07-01')).toBe('2026-06-30T22:00:00.000Z');
    expect(parisDayStart('2026-01-15')).toBe('2026-01-14T23:00:00.000Z');
  });
});
