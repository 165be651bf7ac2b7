import { catalog } from '@parcours/domain/content/catalog';
import { reportSettings, targetsFor, UNASSIGNED_SERVICE } from '@parcours/domain/content/report-settings';
import { invalid } from '@parcours/domain/errors';
import { decodeSummary } from '@parcours/domain/reports/agent-model';
import {
  addCounters,
  buildMatrix,
  type Counters,
  type ServiceMatrix,
} from '@parcours/domain/reports/aggregates';
import { serviceName } from '@parcours/domain/reports/render';
import type { ReportScope } from '@parcours/domain/reports/scope';
import type { Principal } from '@parcours/domain/roles';
import { keys } from '@parcours/store';
import { ListingReader } from '@parcours/store/report-blocks';
import { readMatrixCounters } from '@parcours/store/report-counters';
import { scopeOf } from './agents.ts';

export type ServiceMatrixView = ServiceMatrix & {
  serviceName: string;
  missingEntryAgents: { learnerId: string; name: string }[];
};

const MISSING_SAMPLE = 10;

async function missingSample(serviceId: string): Promise<{ learnerId: string; name: string }[]> {
  const reader = new ListingReader(keys.report.listing(serviceId, 'noentry'), 'asc', undefined, {
    firstBatch: 1,
  });
  const { rows } = await reader.next();
  return rows.slice(0, MISSING_SAMPLE).map((r) => {
    const s = decodeSummary(r.line);
    return { learnerId: s.learnerId, name: s.name };
  });
}

/**
 * The competency × level matrix of each service in scope (counters: a handful of small items whatever the number
 * of agents), coverage against the targets of content/reports.json, the mandatory entry module, and the first
 * agents still missing it. `total` covers every service in scope, against the default targets.
 */
export async function servicesMatrix(
  principal: Principal,
  q: { service?: string | undefined; competency?: string | undefined },
): Promise<{ scope: ReportScope; items: ServiceMatrixView[]; total: ServiceMatrixView }> {
  const c = catalog();
  const settings = reportSettings();
  const scope = scopeOf(principal, q.service);
  if (q.competency && !c.competencies.some((x) => x.id === q.competency))
    throw invalid('unknown-competency', `Unknown competency '${q.competency}'`);
  const competencyIds = q.competency ? [q.competency] : c.competencies.map((x) => x.id);
  const counters = await readMatrixCounters(scope.all ? 'all' : scope.services);
  // "All services" lists the catalog's, and the unassigned bucket only when someone is in it.
  const services = scope.all
    ? scope.services.filter((s) => s !== UNASSIGNED_SERVICE || (counters.get(s)?.['agents'] ?? 0) > 0)
    : scope.services;
  const samples = await Promise.all(
    services.map((s) =>
      (counters.get(s)?.['agents'] ?? 0) > (counters.get(s)?.['entry'] ?? 0) ? missingSample(s) : [],
    ),
  );
  const total: Counters = {};
  const items = services.map((serviceId, i): ServiceMatrixView => {
    const own = counters.get(serviceId) ?? {};
    addCounters(total, own);
    return {
      ...buildMatrix({
        serviceId,
        counters: own,
        competencyIds,
        targets: targetsFor(settings, serviceId),
        entryModuleId: settings.mandatoryEntryModuleId,
      }),
      serviceName: serviceName(c, serviceId),
      missingEntryAgents: samples[i] ?? [],
    };
  });
  return {
    scope,
    items,
    total: {
      ...buildMatrix({
        serviceId: '*',
        counters: total,
        competencyIds,
        targets: settings.coverageTargets.default,
        entryModuleId: settings.mandatoryEntryModuleId,
      }),
      serviceName: scope.all ? 'Tous les services' : 'Services sélectionnés',
      missingEntryAgents: [],
    },
  };
}
