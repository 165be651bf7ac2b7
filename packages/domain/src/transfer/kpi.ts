import type { Trajectory } from '../content/transfer-content.ts';
import type { Counters } from './aggregates.ts';
import { mixMembers } from './aggregates.ts';

/**
 * The delivery-mix KPI (docs/transfer.md, "KPI"): per period, sessions by class, the internal share of facilitation
 * minutes, certified internal leads, and the planned share from the module trajectories. Pure.
 */

export type Granularity = 'month' | 'quarter';

const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** `2027-01` → `2027-Q1`. */
export function quarterOfMonth(month: string): string {
  const [, y, m] = MONTH.exec(month)!;
  return `${y}-Q${Math.floor((Number(m) - 1) / 3) + 1}`;
}

function monthAfter(month: string, n = 1): string {
  const [, y, m] = MONTH.exec(month)!;
  const idx = Number(y) * 12 + Number(m) - 1 + n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

/** Number of months from `a` to `b` (`2027-03` − `2027-01` = 2). */
export function monthDiff(a: string, b: string): number {
  const [, ya, ma] = MONTH.exec(a)!;
  const [, yb, mb] = MONTH.exec(b)!;
  return Number(yb) * 12 + Number(mb) - (Number(ya) * 12 + Number(ma));
}

export function addMonths(month: string, n: number): string {
  return monthAfter(month, n);
}

/** First day of a period (`YYYY-MM-DD`). */
export function periodStartDate(period: string): string {
  const m = MONTH.exec(period);
  if (m) return `${period}-01`;
  const q = QUARTER.exec(period);
  if (!q) throw new Error(`not a period: ${period}`);
  return `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/** First day after a period (exclusive end, `YYYY-MM-DD`). */
export function periodEndDate(period: string): string {
  if (MONTH.test(period)) return `${monthAfter(period)}-01`;
  return `${monthAfter(periodStartDate(period).slice(0, 7), 3)}-01`;
}

/** The periods overlapping [fromDate, toDate] (dates `YYYY-MM-DD`), oldest first. */
export function periodsBetween(fromDate: string, toDate: string, granularity: Granularity): string[] {
  const out: string[] = [];
  const last = toDate.slice(0, 7);
  for (let m = fromDate.slice(0, 7); m <= last; m = monthAfter(m)) {
    const p = granularity === 'month' ? m : quarterOfMonth(m);
    if (out[out.length - 1] !== p) out.push(p);
  }
  return out;
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * Planned internal share on a date: 0 until `externalUntil`, linear to 0.5 at `mixedBy`, linear to 1 at
 * `internalBy`, 1 after.
 */
export function plannedShare(t: Trajectory, date: string): number {
  const d = dayNumber(date);
  const a = dayNumber(t.externalUntil);
  const b = dayNumber(t.mixedBy);
  const c = dayNumber(t.internalBy);
  if (d <= a) return 0;
  if (d <= b) return (0.5 * (d - a)) / (b - a);
  if (d <= c) return 0.5 + (0.5 * (d - b)) / (c - b);
  return 1;
}

/** Mean planned share of several modules (a path, the programme); `null` without any trajectory. */
export function plannedShareOf(trajectories: readonly Trajectory[], date: string): number | null {
  if (trajectories.length === 0) return null;
  return trajectories.reduce((s, t) => s + plannedShare(t, date), 0) / trajectories.length;
}

export interface Certification {
  trainerId: string;
  moduleId: string;
  certifiedAt: string;
}

export interface KpiPoint {
  period: string;
  sessions: { total: number; external: number; mixed: number; internal: number };
  /** Σ internal facilitation minutes / Σ facilitation minutes; `null` without sessions. */
  internalShare: number | null;
  /** Plain mean of the sessions' internal shares. */
  meanSessionShare: number | null;
  /** Internal trainers certified on the scope's modules by the end of the period (distinct people). */
  certifiedInternalLeads: number;
  /** Planned share at the end of the period (mean over the scope's modules with a trajectory). */
  plannedShare: number | null;
  /** internalShare − plannedShare. */
  gap: number | null;
}

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

export function mixPoint(
  c: Counters | undefined,
): Pick<KpiPoint, 'sessions' | 'internalShare' | 'meanSessionShare'> {
  const sessions = {
    total: c?.['sessions'] ?? 0,
    external: c?.['external'] ?? 0,
    mixed: c?.['mixed'] ?? 0,
    internal: c?.['internal'] ?? 0,
  };
  const minutes = c?.['minutes'] ?? 0;
  return {
    sessions,
    internalShare: minutes > 0 ? r4((c?.['internalMinutes'] ?? 0) / minutes) : null,
    meanSessionShare: sessions.total > 0 ? r4((c?.['shareSum'] ?? 0) / sessions.total) : null,
  };
}

/** Builds the KPI series of one scope from its aggregate members (`month#…`, `quarter#…`). */
export function kpiSeries(input: {
  members: Readonly<Record<string, Counters>>;
  granularity: Granularity;
  periods: readonly string[];
  certifications: readonly Certification[];
  /** Whether a trainer was internal at an instant (kind history). */
  isInternalAt: (trainerId: string, at: string) => boolean;
  trajectories: readonly Trajectory[];
  /** Periods ending after this date get the planned share of this date (the current period). */
  today?: string;
}): KpiPoint[] {
  return input.periods.map((period) => {
    const member = input.granularity === 'month' ? mixMembers.month(period) : mixMembers.quarter(period);
    const point = mixPoint(input.members[member]);
    const end = periodEndDate(period);
    const endInstant = `${end}T00:00:00.000Z`;
    const certified = new Set(
      input.certifications
        .filter((c) => c.certifiedAt < endInstant && input.isInternalAt(c.trainerId, endInstant))
        .map((c) => c.trainerId),
    );
    const lastDay = new Date(Date.parse(endInstant) - 86_400_000).toISOString().slice(0, 10);
    const plannedOn = input.today && input.today < lastDay ? input.today : lastDay;
    const planned = plannedShareOf(input.trajectories, plannedOn);
    return {
      period,
      ...point,
      certifiedInternalLeads: certified.size,
      plannedShare: planned === null ? null : r4(planned),
      gap: planned === null || point.internalShare === null ? null : r4(point.internalShare - planned),
    };
  });
}
