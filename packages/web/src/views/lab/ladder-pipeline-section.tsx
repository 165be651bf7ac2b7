import { ChartFigure, Legend } from '../../charts/chart-figure.tsx';
import { SEQUENTIAL } from '../../charts/palette.tsx';
import { StackedRowsChart } from '../../charts/stacked-rows-chart.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { useCatalog } from '../../hooks/use-catalog.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Pipeline } from './ladder-pipeline.ts';

/** How many internal trainers stand on each step of each module's ladder. */
export function LadderPipelineSection({ pipeline }: { pipeline: Pipeline }) {
  const { t, text } = useI18n();
  const { moduleTitle } = useCatalog();
  const fills = pipeline.steps.map((_, i) => SEQUENTIAL[Math.min(i, SEQUENTIAL.length - 1)] ?? SEQUENTIAL[0]);
  const certifiedIndex = pipeline.steps.findIndex((s) => s.id === 'certified-lead');
  const certified = pipeline.modules.reduce(
    (a, m) => a + (certifiedIndex < 0 ? 0 : m.counts.slice(certifiedIndex).reduce((x, y) => x + y, 0)),
    0,
  );
  type Row = Pipeline['modules'][number];
  const columns: Column<Row>[] = [
    { header: t.module, cell: (m) => moduleTitle(m.moduleId), rowHeader: true },
    ...pipeline.steps.map(
      (s, i): Column<Row> => ({ header: text(s.title), cell: (m) => m.counts[i] ?? 0, numeric: true }),
    ),
  ];
  if (pipeline.modules.length === 0) return <p>{t.pipelineEmpty}</p>;
  return (
    <ChartFigure
      id="pipeline"
      testId="ladder-pipeline"
      title={t.pipelineTitle}
      summary={t.pipelineSummary(pipeline.trainers, pipeline.modules.length, certified)}
      legend={
        <Legend
          label={t.legend}
          items={pipeline.steps.map((s, i) => ({ label: text(s.title), swatch: fills[i] ?? '' }))}
        />
      }
      chart={
        <StackedRowsChart
          title={t.pipelineTitle}
          describedBy="pipeline-summary"
          fills={fills}
          rows={pipeline.modules.map((m) => ({ label: moduleTitle(m.moduleId), values: m.counts }))}
        />
      }
      table={
        <DataTable
          caption={t.pipelineTitle}
          rows={pipeline.modules}
          rowKey={(m) => m.moduleId}
          columns={columns}
        />
      }
    />
  );
}
