import type { ExportInput } from '../../api/types.ts';
import type { Drill } from './competency-heatmap.tsx';
import type { HrFilters } from './hr-filters.tsx';

export type AgentFilterParams = NonNullable<Extract<ExportInput, { report: 'agents' }>['filters']>;

/** The agents-report filters of the current HR filters, narrowed by a drill-down. */
export function agentFilters(f: HrFilters, drill?: Drill): AgentFilterParams {
  const services = drill?.service ? [drill.service] : f.services;
  const competency = drill && 'competency' in drill ? drill.competency : f.competency;
  return {
    ...(services.length ? { service: services.join(',') } : {}),
    ...(competency ? { competency, minLevel: f.minLevel } : {}),
    ...(f.path ? { path: f.path } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(drill && 'missingEntry' in drill ? { missingEntry: true } : {}),
  };
}
