import { useState } from 'preact/hooks';
import { ENDPOINTS } from '../../api/endpoints.ts';
import { apiJson, query } from '../../api/http.ts';
import type { Alerts, Forecast, Kpi, Quality } from '../../api/types.ts';
import { useToken } from '../../auth/auth.tsx';
import { AsyncView } from '../../components/async-view.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useCatalog } from '../../hooks/use-catalog.ts';
import { useResource } from '../../hooks/use-resource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { DeliveryMixSection } from './delivery-mix-section.tsx';
import { AlertsList, ForecastTable } from './forecast-section.tsx';
import { type LabFilters, LabFiltersForm } from './lab-filters.tsx';
import { loadPipeline } from './ladder-pipeline.ts';
import { LadderPipelineSection } from './ladder-pipeline-section.tsx';
import { SatisfactionSection } from './satisfaction-section.tsx';

/** The lab's page: the transfer to internal trainers (mix, forecast, alerts), its quality, and the ladder pipeline. */
export function LabView() {
  const { t } = useI18n();
  const token = useToken();
  const { moduleTitle, pathTitle } = useCatalog();
  const [filters, setFilters] = useState<LabFilters>({ scope: '', granularity: 'month' });
  const [kind, id] = filters.scope.split(':');
  const moduleId = kind === 'module' ? id : undefined;
  const pathId = kind === 'path' ? id : undefined;
  const scopeLabel = moduleId ? moduleTitle(moduleId) : pathId ? pathTitle(pathId) : t.wholeProgramme;

  const [kpi, reloadKpi] = useResource(
    () =>
      apiJson<Kpi>(`${ENDPOINTS.kpi}${query({ moduleId, pathId, granularity: filters.granularity })}`, {
        token,
      }),
    [token, filters.scope, filters.granularity],
  );
  const [forecast, reloadForecast] = useResource(
    () => apiJson<Forecast>(`${ENDPOINTS.forecast}${query({ moduleId })}`, { token }),
    [token, moduleId],
  );
  const [alerts, reloadAlerts] = useResource(
    () => apiJson<Alerts>(`${ENDPOINTS.alerts}${query({ moduleId })}`, { token }),
    [token, moduleId],
  );
  const [quality, reloadQuality] = useResource(
    () => apiJson<Quality>(`${ENDPOINTS.quality}${query({ moduleId })}`, { token }),
    [token, moduleId],
  );
  const [pipeline, reloadPipeline] = useResource(() => loadPipeline(token), [token]);

  return (
    <>
      <PageTitle>{t.labTitle}</PageTitle>
      <LabFiltersForm value={filters} onApply={setFilters} />
      <section aria-labelledby="mix-heading">
        <h2 id="mix-heading">{t.mixHeading}</h2>
        <AsyncView resource={kpi} retry={reloadKpi}>
          {(k) => <DeliveryMixSection kpi={k} scopeLabel={scopeLabel} />}
        </AsyncView>
      </section>
      <section aria-labelledby="forecast-heading">
        <h2 id="forecast-heading">{t.forecastHeading}</h2>
        <AsyncView resource={forecast} retry={reloadForecast}>
          {(f) => <ForecastTable forecast={f} />}
        </AsyncView>
      </section>
      <section aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">{t.alertsHeading}</h2>
        <AsyncView resource={alerts} retry={reloadAlerts}>
          {(a) => <AlertsList alerts={a} />}
        </AsyncView>
      </section>
      <section aria-labelledby="quality-heading">
        <h2 id="quality-heading">{t.satisfactionHeading}</h2>
        <AsyncView resource={quality} retry={reloadQuality}>
          {(q) => <SatisfactionSection quality={q} />}
        </AsyncView>
      </section>
      <section aria-labelledby="pipeline-heading">
        <h2 id="pipeline-heading">{t.pipelineHeading}</h2>
        <AsyncView resource={pipeline} retry={reloadPipeline}>
          {(p) => <LadderPipelineSection pipeline={p} />}
        </AsyncView>
      </section>
    </>
  );
}
