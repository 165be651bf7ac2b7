import type { Trajectory, TransferSettings } from '../content/transfer-content.ts';
import type { Counters } from './aggregates.ts';
import { mixMembers } from './aggregates.ts';
import { periodOf } from './delivery.ts';
import { addMonths, monthDiff } from './kpi.ts';

/**
 * Forecast of the date a module reaches 100% internal delivery (docs/transfer.md, "Forecast"). Pure. Two estimates,
 * the later one wins:
 * - trend: a least-squares line through the monthly internal share of the last `lookbackMonths` months with
 *   sessions, extended to 1;
 * - pipeline: enough certified internal leads to deliver the module's monthly volume; if there are too few, the
 *   date the next candidates on the ladder should be certified at the observed ladder pace.
 */

export interface LadderSnapshot {
  trainerId: string;
  moduleId: string;
  kind: string;
  currentIndex: number;
  certified: boolean;
  certifiedAt?: string | undefined;
  lastProgressAt?: string | undefined;
  awaitingSignOff?: boolean | undefined;
  nextStepId?: string | undefined;
}

export type ForecastStatus = 'reached' | 'on-track' | 'late' | 'stalled' | 'blocked' | 'insufficient-data';

export interface ModuleForecast {
  moduleId: string;
  status: ForecastStatus;
  /** First day of the month 100% internal is expected (or was reached); `null` when it cannot be estimated. */
  forecastDate: string | null;
  plannedDate: string | null;
  currentShare: number | null;
  trend: {
    months: number;
    slopePerMonth: number | null;
    fittedShareNow: number | null;
    date: string | null;
  };
  pipeline: {
    sessionsPerMonth: number;
    certifiedInternalLeads: number;
    leadsNeeded: number;
    candidates: number;
    monthsPerStep: number | null;
    date: string | null;
  };
  reason?: string;
}

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
const FULL = 0.999;

function linearFit(points: { x: number; y: number }[]): { a: number; b: number } {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  const b = sxx > 0 ? sxy / sxx : 0;
  return { a: my - b * mx, b };
}

export function forecastModule(input: {
  moduleId: string;
  /** Members of the module's mix aggregate (only `month#…` are read). */
  members: Readonly<Record<string, Counters>>;
  snapshots: readonly LadderSnapshot[];
  certifiedIndex: number;
  trajectory: Trajectory | undefined;
  settings: Pick<TransferSettings, 'programmeStart' | 'forecast'>;
  now: string;
}): ModuleForecast {
  const { settings } = input;
  const cfg = settings.forecast;
  const startMonth = settings.programmeStart.slice(0, 7);
  const currentMonth = periodOf(input.now).month;
  const months: { month: string; sessions: number; share: number | null }[] = [];
  for (let m = startMonth; m <= currentMonth; m = addMonths(m, 1)) {
    const c = input.members[mixMembers.month(m)];
    const minutes = c?.['minutes'] ?? 0;
    months.push({
      month: m,
      sessions: c?.['sessions'] ?? 0,
      share: minutes > 0 ? (c?.['internalMinutes'] ?? 0) / minutes : null,
    });
  }
  const withData = months.filter((m) => m.share !== null);
  const plannedDate = input.trajectory?.internalBy ?? null;

  // Pipeline (also reported when reached, for information).
  const windowStart = addMonths(currentMonth, -(cfg.lookbackMonths - 1));
  const inWindow = months.filter((m) => m.month >= windowStart);
  const firstActive = inWindow.find((m) => m.sessions > 0)?.month;
  const span = firstActive ? monthDiff(firstActive, currentMonth) + 1 : 0;
  const sessionsPerMonth = span > 0 ? inWindow.reduce((s, m) => s + m.sessions, 0) / span : 0;
  const leadsNeeded = Math.max(1, Math.ceil(sessionsPerMonth / cfg.sessionsPerCertifiedLeadPerMonth - 1e-9));
  const internal = input.snapshots.filter((s) => s.kind === 'internal');
  const certified = internal.filter((s) => s.certified).length;
  const candidates = internal.filter((s) => !s.certified);
  // Ladder pace: months since the programme started per step reached, over internal trainers who reached one.
  const paces = internal
    .filter((s) => s.currentIndex >= 0 && s.lastProgressAt)
    .map((s) => Math.max(1, monthDiff(startMonth, periodOf(s.lastProgressAt!).month)) / (s.currentIndex + 1));
  const monthsPerStep = paces.length ? paces.reduce((a, b) => a + b, 0) / paces.length : null;
  let pipelineDate: string | null = null;
  let pipelineReason: string | undefined;
  if (certified >= leadsNeeded) pipelineDate = `${currentMonth}-01`;
  else if (monthsPerStep === null) pipelineReason = 'no-ladder-progress-yet';
  else {
    const ready = candidates
      .map((s) => Math.max(0, input.certifiedIndex - Math.max(s.currentIndex, -1)) * monthsPerStep)
      .sort((a, b) => a - b);
    const missing = leadsNeeded - certified;
    if (ready.length < missing) pipelineReason = 'not-enough-trainers-in-pipeline';
    else pipelineDate = `${addMonths(currentMonth, Math.ceil(ready[missing - 1]! - 1e-9))}-01`;
  }
  const pipeline = {
    sessionsPerMonth: r4(sessionsPerMonth),
    certifiedInternalLeads: certified,
    leadsNeeded,
    candidates: candidates.length,
    monthsPerStep: monthsPerStep === null ? null : r4(monthsPerStep),
    date: pipelineDate,
  };

  // Reached: the last `reachedMonths` months with sessions were all fully internal.
  const tail = withData.slice(-cfg.reachedMonths);
  const currentShare = withData.length ? r4(withData[withData.length - 1]!.share!) : null;
  if (tail.length >= cfg.reachedMonths && tail.every((m) => m.share! >= FULL)) {
    let i = withData.length - 1;
    while (i > 0 && withData[i - 1]!.share! >= FULL) i--;
    return {
      moduleId: input.moduleId,
      status: 'reached',
      forecastDate: `${withData[i]!.month}-01`,
      plannedDate,
      currentShare,
      trend: {
        months: tail.length,
        slopePerMonth: null,
        fittedShareNow: 1,
        date: `${withData[i]!.month}-01`,
      },
      pipeline,
    };
  }

  const points = inWindow
    .filter((m) => m.share !== null)
    .map((m) => ({ x: monthDiff(startMonth, m.month), y: m.share! }));
  if (points.length < cfg.minMonthsWithSessions) {
    return {
      moduleId: input.moduleId,
      status: 'insufficient-data',
      forecastDate: null,
      plannedDate,
      currentShare,
      trend: { months: points.length, slopePerMonth: null, fittedShareNow: null, date: null },
      pipeline,
      reason: `fewer than ${cfg.minMonthsWithSessions} months with sessions in the last ${cfg.lookbackMonths}`,
    };
  }
  const { a, b } = linearFit(points);
  const xNow = monthDiff(startMonth, currentMonth);
  const fitted = Math.min(1, Math.max(0, a + b * xNow));
  let trendDate: string | null = null;
  if (fitted >= FULL) trendDate = `${currentMonth}-01`;
  else if (b > 0.005) trendDate = `${addMonths(currentMonth, Math.ceil((1 - fitted) / b - 1e-9))}-01`;
  const trend = { months: points.length, slopePerMonth: r4(b), fittedShareNow: r4(fitted), date: trendDate };
  if (trendDate === null) {
    return {
      moduleId: input.moduleId,
      status: 'stalled',
      forecastDate: null,
      plannedDate,
      currentShare,
      trend,
      pipeline,
      reason: 'the internal share is not rising',
    };
  }
  if (pipelineDate === null) {
    return {
      moduleId: input.moduleId,
      status: 'blocked',
      forecastDate: null,
      plannedDate,
      currentShare,
      trend,
      pipeline,
      reason: pipelineReason ?? 'pipeline',
    };
  }
  const forecastDate = trendDate > pipelineDate ? trendDate : pipelineDate;
  return {
    moduleId: input.moduleId,
    status: plannedDate === null || forecastDate <= plannedDate ? 'on-track' : 'late',
    forecastDate,
    plannedDate,
    currentShare,
    trend,
    pipeline,
  };
}
