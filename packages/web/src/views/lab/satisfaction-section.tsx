import type { Quality } from '../../api/types.ts';
import { ChartFigure, Legend } from '../../charts/chart-figure.tsx';
import { GroupedBarsChart, SATISFACTION_SERIES_FILLS } from '../../charts/grouped-bars-chart.tsx';
import { COLORS } from '../../charts/palette.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { formatNumber } from '../../format.ts';
import { useCatalog } from '../../hooks/use-catalog.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Cell = Quality['items'][number]['external'];
const meanOf = (c: Cell) => (c.hidden ? null : c.overall.mean);

/** Satisfaction of external-, mixed- and internal-led sessions per module, against the programme's baseline. */
export function SatisfactionSection({ quality }: { quality: Quality }) {
  const { t, locale } = useI18n();
  const { moduleTitle } = useCatalog();
  const cell = (c: Cell) =>
    c.hidden
      ? t.tooFewResponses(c.minResponses)
      : `${formatNumber(c.overall.mean, locale)} (${t.responses(c.responses)})`;
  const shown = quality.items.filter((i) => [i.external, i.mixed, i.internal].some((c) => !c.hidden));
  const diffs = quality.items.filter((i) => i.internalMinusExternal !== null);
  const summary =
    shown.length === 0
      ? t.satisfactionEmpty(quality.minResponses)
      : t.satisfactionSummary(
          shown.length,
          formatNumber(quality.baseline, locale),
          diffs.length
            ? formatNumber(
                diffs.reduce((a, i) => a + (i.internalMinusExternal ?? 0), 0) / diffs.length,
                locale,
                2,
              )
            : null,
        );
  if (shown.length === 0)
    return (
      <p class="notice" data-testid="satisfaction">
        {summary}
      </p>
    );
  return (
    <ChartFigure
      id="quality"
      testId="satisfaction"
      title={t.satisfactionTitle}
      summary={summary}
      legend={
        <Legend
          label={t.legend}
          items={[
            { label: t.ledExternal, swatch: COLORS.external },
            { label: t.ledMixed, swatch: COLORS.mixed },
            { label: t.ledInternal, swatch: COLORS.internal },
            {
              label: t.baseline(formatNumber(quality.baseline, locale)),
              swatch: COLORS.planned,
              line: 'dashed',
            },
          ]}
        />
      }
      chart={
        <GroupedBarsChart
          title={t.satisfactionTitle}
          describedBy="quality-summary"
          domain={[0, 5]}
          reference={{ value: quality.baseline, label: t.baseline(formatNumber(quality.baseline, locale)) }}
          series={[t.ledExternal, t.ledMixed, t.ledInternal].map((label, i) => ({
            label,
            fill: SATISFACTION_SERIES_FILLS[i] ?? COLORS.internal,
          }))}
          groups={quality.items.map((i) => ({
            label: moduleTitle(i.moduleId),
            values: [meanOf(i.external), meanOf(i.mixed), meanOf(i.internal)],
          }))}
        />
      }
      table={
        <DataTable
          caption={t.satisfactionTitle}
          rows={quality.items}
          rowKey={(i) => i.moduleId}
          columns={[
            { header: t.module, cell: (i) => moduleTitle(i.moduleId), rowHeader: true },
            { header: t.ledExternal, cell: (i) => cell(i.external) },
            { header: t.ledMixed, cell: (i) => cell(i.mixed) },
            { header: t.ledInternal, cell: (i) => cell(i.internal) },
            {
              header: t.internalMinusExternal,
              cell: (i) =>
                i.internalMinusExternal === null ? '—' : formatNumber(i.internalMinusExternal, locale, 2),
              numeric: true,
            },
          ]}
        />
      }
    />
  );
}
