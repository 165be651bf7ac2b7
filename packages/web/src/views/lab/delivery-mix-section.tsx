import type { Kpi } from '../../api/types.ts';
import { ChartFigure, Legend } from '../../charts/chart-figure.tsx';
import { DeliveryMixChart, type MixPoint } from '../../charts/delivery-mix-chart.tsx';
import { COLORS } from '../../charts/palette.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { formatPercent, formatPeriod } from '../../format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Delivery mix over time: stacked session classes, internal share vs the planned trajectory, with its table. */
export function DeliveryMixSection({ kpi, scopeLabel }: { kpi: Kpi; scopeLabel: string }) {
  const { t, locale } = useI18n();
  const pct = (x: number | null) => (x === null ? '—' : formatPercent(x, locale));
  const points: MixPoint[] = kpi.points.map((p) => ({
    label: formatPeriod(p.period, locale),
    external: p.sessions.external,
    mixed: p.sessions.mixed,
    internal: p.sessions.internal,
    share: p.internalShare,
    planned: p.plannedShare,
  }));
  const withSessions = kpi.points.filter((p) => p.internalShare !== null);
  const first = withSessions[0];
  const last = withSessions[withSessions.length - 1];
  const summary =
    first && last
      ? t.mixSummary({
          scope: scopeLabel,
          sessions: kpi.total.sessions.total,
          from: formatPeriod(first.period, locale),
          fromShare: pct(first.internalShare),
          to: formatPeriod(last.period, locale),
          toShare: pct(last.internalShare),
          planned: last.plannedShare === null ? null : pct(last.plannedShare),
        })
      : t.mixEmpty;

  return (
    <ChartFigure
      id="mix"
      testId="delivery-mix"
      title={t.mixChartTitle(scopeLabel)}
      summary={summary}
      legend={
        <Legend
          label={t.legend}
          items={[
            { label: t.classExternal, swatch: COLORS.external },
            { label: t.classMixed, swatch: COLORS.mixed },
            { label: t.classInternal, swatch: COLORS.internal },
            { label: t.internalShare, swatch: COLORS.share, line: 'solid' },
            { label: t.plannedShare, swatch: COLORS.planned, line: 'dashed' },
          ]}
        />
      }
      chart={
        <DeliveryMixChart
          points={points}
          title={t.mixChartTitle(scopeLabel)}
          describedBy="mix-summary"
          axisSessions={t.axisSessions}
          axisShare={t.axisShare}
        />
      }
      table={
        <DataTable
          caption={t.mixChartTitle(scopeLabel)}
          testId="delivery-mix-table"
          rows={kpi.points}
          rowKey={(p) => p.period}
          columns={[
            { header: t.period, cell: (p) => formatPeriod(p.period, locale), rowHeader: true },
            { header: t.classExternal, cell: (p) => p.sessions.external, numeric: true },
            { header: t.classMixed, cell: (p) => p.sessions.mixed, numeric: true },
            { header: t.classInternal, cell: (p) => p.sessions.internal, numeric: true },
            { header: t.total, cell: (p) => p.sessions.total, numeric: true },
            { header: t.internalShare, cell: (p) => pct(p.internalShare), numeric: true },
            { header: t.plannedShare, cell: (p) => pct(p.plannedShare), numeric: true },
            { header: t.certifiedLeads, cell: (p) => p.certifiedInternalLeads, numeric: true },
          ]}
        />
      }
    />
  );
}
