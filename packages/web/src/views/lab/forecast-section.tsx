import type { Alerts, Forecast } from '../../api/types.ts';
import { DataTable } from '../../components/data-table.tsx';
import { formatDate, formatPercent } from '../../format.ts';
import { useCatalog } from '../../hooks/use-catalog.ts';
import type { Dictionary } from '../../i18n/fr.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Status = Forecast['items'][number]['status'];

export function forecastStatusLabel(t: Dictionary, s: Status): string {
  return {
    reached: t.forecastReached,
    'on-track': t.forecastOnTrack,
    late: t.forecastLate,
    stalled: t.forecastStalled,
    blocked: t.forecastBlocked,
    'insufficient-data': t.forecastInsufficient,
  }[s];
}

/** When each module should reach 100 % internal delivery, against the planned date. */
export function ForecastTable({ forecast }: { forecast: Forecast }) {
  const { t, locale } = useI18n();
  const { moduleTitle } = useCatalog();
  const date = (d: string | null) => (d ? formatDate(d, locale) : '—');
  return (
    <DataTable
      caption={t.forecastCaption}
      testId="forecast-table"
      rows={forecast.items}
      rowKey={(i) => i.moduleId}
      columns={[
        { header: t.module, cell: (i) => moduleTitle(i.moduleId), rowHeader: true },
        {
          header: t.status,
          cell: (i) => <span class={`badge badge-${i.status}`}>{forecastStatusLabel(t, i.status)}</span>,
        },
        { header: t.forecastDate, cell: (i) => date(i.forecastDate) },
        { header: t.plannedDate, cell: (i) => date(i.plannedDate) },
        {
          header: t.currentShare,
          cell: (i) => (i.currentShare === null ? '—' : formatPercent(i.currentShare, locale)),
          numeric: true,
        },
        {
          header: t.certifiedLeads,
          cell: (i) => `${i.pipeline.certifiedInternalLeads} / ${i.pipeline.leadsNeeded}`,
          numeric: true,
        },
      ]}
    />
  );
}

/** Stall, satisfaction-drop and behind-plan alerts, as a list (each with its module and since when). */
export function AlertsList({ alerts }: { alerts: Alerts }) {
  const { t, text, locale } = useI18n();
  const { moduleTitle } = useCatalog();
  const kind = (k: Alerts['items'][number]['kind']) =>
    ({ stall: t.alertStall, 'satisfaction-drop': t.alertSatisfaction, 'behind-plan': t.alertBehind })[k];
  if (alerts.items.length === 0) return <p>{t.noAlerts}</p>;
  return (
    <ul class="alerts" data-testid="alerts">
      {alerts.items.map((a) => (
        <li key={`${a.kind}-${a.moduleId}`} class={`alert alert-${a.kind}`}>
          <strong>
            {kind(a.kind)} — {moduleTitle(a.moduleId)}
          </strong>
          {a.since && <span class="hint"> ({t.since(formatDate(a.since, locale))})</span>}
          <p>{text(a.message)}</p>
        </li>
      ))}
    </ul>
  );
}
