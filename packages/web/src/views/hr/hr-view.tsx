import { useState } from 'preact/hooks';
import { ENDPOINTS } from '../../api/endpoints.ts';
import { apiJson, query } from '../../api/http.ts';
import type { ServicesReport } from '../../api/types.ts';
import { useAuth, useToken } from '../../auth/auth.tsx';
import { AsyncView } from '../../components/async-view.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useCatalog } from '../../hooks/use-catalog.ts';
import { useNames } from '../../hooks/use-names.ts';
import { useResource } from '../../hooks/use-resource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AgentsPanel } from './agents-panel.tsx';
import { agentFilters } from './agents-query.ts';
import { CompetencyHeatmap, type Drill } from './competency-heatmap.tsx';
import { CsvDownload } from './csv-download.tsx';
import { type HrFilters, HrFiltersForm } from './hr-filters.tsx';

const EMPTY: HrFilters = { services: [], competency: '', minLevel: 'discover', path: '', from: '', to: '' };

/** HR's page: competency × service heatmap in my scope, drill-down to agents, filters, CSV export. */
export function HrView() {
  const { t } = useI18n();
  const token = useToken();
  const { me } = useAuth();
  const { serviceIds, serviceName, competencyTitle } = useNames();
  const { moduleTitle } = useCatalog();
  // HR see their services; the lab sees every service.
  const scope = me?.roles.includes('lab') ? serviceIds : (me?.hrServices ?? []);
  const [filters, setFilters] = useState<HrFilters>(EMPTY);
  const [drill, setDrill] = useState<Drill>();

  const [report, reload] = useResource(
    () =>
      apiJson<ServicesReport>(
        `${ENDPOINTS.servicesReport}${query({ service: filters.services.join(','), competency: filters.competency })}`,
        { token },
      ),
    [token, filters.services.join(','), filters.competency],
  );

  const apply = (f: HrFilters) => {
    setFilters(f);
    setDrill(undefined);
  };
  const closeDrill = () => {
    setDrill(undefined);
    document.getElementById('heatmap-heading')?.focus();
  };
  const drillTitle = (d: Drill, entryModuleId: string) => {
    const who = d.service ? serviceName(d.service) : t.allServices;
    return 'competency' in d
      ? t.drillTitle(who, competencyTitle(d.competency))
      : t.drillEntryTitle(who, moduleTitle(entryModuleId));
  };

  return (
    <>
      <PageTitle>{t.hrTitle}</PageTitle>
      <section aria-labelledby="filters-heading">
        <h2 id="filters-heading">{t.filtersHeading}</h2>
        <HrFiltersForm scope={scope} value={filters} onApply={apply} />
        <CsvDownload filters={agentFilters(filters)} />
      </section>
      <section aria-labelledby="heatmap-heading">
        <h2 id="heatmap-heading" tabIndex={-1}>
          {t.heatmapHeading}
        </h2>
        <p>{t.heatmapIntro}</p>
        <AsyncView resource={report} retry={reload}>
          {(r) => (
            <>
              <CompetencyHeatmap report={r} minLevel={filters.minLevel} onDrill={setDrill} />
              {drill && (
                <AgentsPanel
                  title={drillTitle(drill, r.total.entryModule.moduleId)}
                  filters={agentFilters(filters, drill)}
                  {...('competency' in drill ? { competency: drill.competency } : {})}
                  onClose={closeDrill}
                />
              )}
            </>
          )}
        </AsyncView>
      </section>
    </>
  );
}
