import type { ServiceMatrix, ServicesReport } from '../../api/types.ts';
import { formatPercent } from '../../format.ts';
import { useCatalog } from '../../hooks/use-catalog.ts';
import { useNames } from '../../hooks/use-names.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { HEAT_STEPS, heatStep } from './heat-scale.ts';
import type { Level } from './hr-filters.tsx';

/** What a drill-down shows: the agents of a service holding a competency, or those missing the entry module. */
export type Drill = { service: string; competency: string } | { service: string; missingEntry: true };

function Cell(props: {
  rate: number | null;
  count: number;
  agents: number;
  target?: { met: boolean; share: number } | undefined;
  label: string;
  onOpen: () => void;
}) {
  const { t, locale } = useI18n();
  const { bg, fg } = heatStep(props.rate);
  return (
    <td class="heat-cell" style={{ background: bg, color: fg }}>
      {props.agents === 0 ? (
        <>
          <span aria-hidden="true">—</span>
          <span class="sr-only">{t.noAgents}</span>
        </>
      ) : (
        <button type="button" class="heat-button" style={{ color: fg }} onClick={props.onOpen}>
          <span class="heat-value">{props.rate === null ? '—' : formatPercent(props.rate, locale)}</span>
          <span class="heat-count">
            {props.count}/{props.agents}
          </span>
          {props.target && (
            <span class="heat-target">
              {props.target.met ? '✓' : '✗'}
              <span class="sr-only">
                {props.target.met
                  ? t.targetMet(formatPercent(props.target.share, locale))
                  : t.targetMissed(formatPercent(props.target.share, locale))}
              </span>
            </span>
          )}
          <span class="sr-only">{props.label}</span>
        </button>
      )}
    </td>
  );
}

/**
 * The competency × service heatmap as a table: it is its own data table (values printed in every cell), with a
 * drill-down button per cell. The first row is the mandatory entry module.
 */
export function CompetencyHeatmap(props: {
  report: ServicesReport;
  minLevel: Level;
  onDrill: (d: Drill) => void;
}) {
  const { t, locale } = useI18n();
  const { moduleTitle } = useCatalog();
  const { serviceName, competencyTitle, levelName } = useNames();
  const columns: ServiceMatrix[] = [...props.report.items];
  const competencyIds = props.report.total.competencies.map((c) => c.competencyId);
  const level = props.minLevel;
  const entryId = props.report.total.entryModule.moduleId;
  const name = (m: ServiceMatrix) =>
    m === props.report.total ? t.allServices : m.serviceName || serviceName(m.serviceId);

  return (
    <>
      <div class="table-wrap">
        <table class="heatmap" data-testid="heatmap">
          <caption>{t.heatmapCaption(levelName(level))}</caption>
          <thead>
            <tr>
              <th scope="col">{t.competency}</th>
              {columns.map((m) => (
                <th scope="col" key={m.serviceId}>
                  {name(m)}
                  <span class="hint heat-agents">{t.agentsCount(m.agents)}</span>
                </th>
              ))}
              <th scope="col">
                {t.allServices}
                <span class="hint heat-agents">{t.agentsCount(props.report.total.agents)}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t.entryModuleRow(moduleTitle(entryId))}</th>
              {[...columns, props.report.total].map((m) => (
                <Cell
                  key={m.serviceId}
                  rate={m.entryModule.rate}
                  count={m.entryModule.completed}
                  agents={m.agents}
                  label={t.drillEntryLabel(name(m))}
                  onOpen={() =>
                    props.onDrill({
                      service: m === props.report.total ? '' : m.serviceId,
                      missingEntry: true,
                    })
                  }
                />
              ))}
            </tr>
            {competencyIds.map((c) => (
              <tr key={c}>
                <th scope="row">{competencyTitle(c)}</th>
                {[...columns, props.report.total].map((m) => {
                  const row = m.competencies.find((x) => x.competencyId === c);
                  const count = row?.atLeast[level] ?? 0;
                  const target =
                    row?.target && row.coverage && row.target.level === level
                      ? { met: row.coverage.met, share: row.target.share }
                      : undefined;
                  return (
                    <Cell
                      key={m.serviceId}
                      rate={m.agents > 0 ? count / m.agents : null}
                      count={count}
                      agents={m.agents}
                      target={target}
                      label={t.drillLabel(name(m), competencyTitle(c))}
                      onOpen={() =>
                        props.onDrill({ service: m === props.report.total ? '' : m.serviceId, competency: c })
                      }
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul class="legend" aria-label={t.legend}>
        {HEAT_STEPS.map((s, i) => (
          <li key={s.bg}>
            <span class="swatch" style={{ background: s.bg }} aria-hidden="true" />
            {t.heatRange(formatPercent(i * 0.2, locale), formatPercent(Math.min(1, (i + 1) * 0.2), locale))}
          </li>
        ))}
        <li>{t.targetLegend}</li>
      </ul>
    </>
  );
}
