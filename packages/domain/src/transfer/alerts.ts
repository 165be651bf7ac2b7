import type { Trajectory, TransferSettings } from '../content/transfer-content.ts';
import type { Counters } from './aggregates.ts';
import { mixMembers } from './aggregates.ts';
import { periodOf } from './delivery.ts';
import type { LadderSnapshot, ModuleForecast } from './forecast.ts';
import { addMonths, periodEndDate, plannedShare, quarterOfMonth } from './kpi.ts';

/**
 * Alerts on the transfer of one module (docs/transfer.md, "Alerts"). Pure.
 * - `stall`: not yet 100% internal and no progress for `stallWeeks` (progress = an internal trainer reaching a
 *   ladder step, or a month setting a new high of the internal share);
 * - `satisfaction-drop`: internal-led satisfaction over the last quarters below the external-led baseline (the
 *   module's external-led mean, or the programme baseline when there are too few external-led responses) by more
 *   than the margin;
 * - `behind-plan`: the internal share of the last three months below the planned share by more than the margin.
 */

export type AlertKind = 'stall' | 'satisfaction-drop' | 'behind-plan';

export interface TransferAlert {
  kind: AlertKind;
  moduleId: string;
  since?: string;
  message: { fr: string; en: string };
  details: Record<string, unknown>;
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
const WEEK_MS = 7 * 86_400_000;

export function moduleAlerts(input: {
  moduleId: string;
  members: Readonly<Record<string, Counters>>;
  /** Members of the module's satisfaction-by-lead-kind aggregate (`internal`, `external#2027-Q1`…). */
  satisfaction: Readonly<Record<string, Counters>>;
  snapshots: readonly LadderSnapshot[];
  trajectory: Trajectory | undefined;
  forecast: Pick<ModuleForecast, 'status'>;
  settings: Pick<TransferSettings, 'programmeStart' | 'alerts' | 'satisfactionBaseline'>;
  now: string;
}): TransferAlert[] {
  const { settings, now } = input;
  const cfg = settings.alerts;
  const out: TransferAlert[] = [];
  const currentMonth = periodOf(now).month;
  const startMonth = settings.programmeStart.slice(0, 7);

  // --- stall ---
  if (input.forecast.status !== 'reached') {
    let best = 0;
    let lastHigh: string | undefined;
    for (let m = startMonth; m <= currentMonth; m = addMonths(m, 1)) {
      const c = input.members[mixMembers.month(m)];
      const minutes = c?.['minutes'] ?? 0;
      if (minutes <= 0) continue;
      const share = (c?.['internalMinutes'] ?? 0) / minutes;
      if (share > best + 1e-9) {
        best = share;
        const end = `${periodEndDate(m)}T00:00:00.000Z`;
        lastHigh = end < now ? end : now;
      }
    }
    const ladderProgress = input.snapshots
      .filter((s) => s.kind === 'internal' && s.lastProgressAt)
      .map((s) => s.lastProgressAt!)
      .sort()
      .pop();
    const start = `${settings.programmeStart}T00:00:00.000Z`;
    const last = [start, lastHigh, ladderProgress]
      .filter((x): x is string => !!x)
      .sort()
      .pop()!;
    const weeks = (Date.parse(now) - Date.parse(last)) / WEEK_MS;
    if (weeks > cfg.stallWeeks) {
      out.push({
        kind: 'stall',
        moduleId: input.moduleId,
        since: last,
        message: {
          fr: `Aucun progrès du transfert depuis ${Math.floor(weeks)} semaines`,
          en: `No transfer progress for ${Math.floor(weeks)} weeks`,
        },
        details: {
          weeksWithoutProgress: Math.floor(weeks),
          stallWeeks: cfg.stallWeeks,
          lastShareHigh: lastHigh ?? null,
          lastLadderProgress: ladderProgress ?? null,
          bestShare: r4(best),
        },
      });
    }
  }

  // --- satisfaction drop ---
  const quarters = new Set<string>();
  for (let i = 0; i < cfg.satisfactionQuarters; i++)
    quarters.add(quarterOfMonth(addMonths(currentMonth, -3 * i)));
  let inN = 0;
  let inSum = 0;
  for (const q of quarters) {
    const c = input.satisfaction[`internal#${q}`];
    inN += c?.['n'] ?? 0;
    inSum += c?.['overallSum'] ?? 0;
  }
  const ext = input.satisfaction['external'];
  const extN = ext?.['n'] ?? 0;
  const reference =
    extN >= cfg.minResponsesForAlert
      ? { source: 'external-led' as const, mean: r2((ext?.['overallSum'] ?? 0) / extN), responses: extN }
      : { source: 'baseline' as const, mean: settings.satisfactionBaseline };
  if (inN >= cfg.minResponsesForAlert) {
    const mean = inSum / inN;
    if (mean < reference.mean - cfg.satisfactionMargin - 1e-9) {
      out.push({
        kind: 'satisfaction-drop',
        moduleId: input.moduleId,
        message: {
          fr: `Satisfaction des séances animées en interne (${r2(mean)}) sous la référence (${reference.mean})`,
          en: `Satisfaction of internally delivered sessions (${r2(mean)}) below the reference (${reference.mean})`,
        },
        details: {
          internalLed: { responses: inN, mean: r2(mean), quarters: [...quarters].sort() },
          reference,
          margin: cfg.satisfactionMargin,
        },
      });
    }
  }

  // --- behind plan ---
  if (input.trajectory && input.forecast.status !== 'reached') {
    let minutes = 0;
    let internal = 0;
    for (let i = 0; i < 3; i++) {
      const c = input.members[mixMembers.month(addMonths(currentMonth, -i))];
      minutes += c?.['minutes'] ?? 0;
      internal += c?.['internalMinutes'] ?? 0;
    }
    const planned = plannedShare(input.trajectory, now.slice(0, 10));
    if (minutes > 0) {
      const actual = internal / minutes;
      if (planned - actual > cfg.behindPlanMargin + 1e-9) {
        out.push({
          kind: 'behind-plan',
          moduleId: input.moduleId,
          message: {
            fr: `Part interne ${Math.round(actual * 100)} % pour ${Math.round(planned * 100)} % prévus`,
            en: `Internal share ${Math.round(actual * 100)}% against ${Math.round(planned * 100)}% planned`,
          },
          details: { actualShare: r4(actual), plannedShare: r4(planned), margin: cfg.behindPlanMargin },
        });
      }
    }
  }
  return out;
}
