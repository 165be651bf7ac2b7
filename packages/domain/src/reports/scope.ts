import { UNASSIGNED_SERVICE } from '../content/report-settings.ts';
import { forbidden, invalid } from '../errors.ts';
import { hasRole, type Principal } from '../roles.ts';

/**
 * Who sees which agents. The lab sees every service (and the `unassigned` bucket); HR sees the services listed in
 * their token (`custom:hr_services`), nothing else. Asking explicitly for a service outside one's scope is refused
 * (403 `service-out-of-scope`) rather than answered empty, so a mistake is visible; without a service filter, HR get
 * exactly their services. Learners and trainers never reach this (the route table admits `hr` and `lab` only).
 */
export interface ReportScope {
  /** Every service (lab, no filter): served by the `*` listings and totals. */
  all: boolean;
  /** The services in scope, after applying the request's filter. */
  services: string[];
}

export function knownServiceIds(serviceIds: readonly string[]): string[] {
  return [...serviceIds, UNASSIGNED_SERVICE];
}

/** Parses `service=a,b` (repeated parameters arrive comma-joined). */
export function parseServiceList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = [
    ...new Set(
      value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  return list.length ? list : undefined;
}

export function resolveScope(
  principal: Principal,
  requested: string[] | undefined,
  catalogServiceIds: readonly string[],
): ReportScope {
  const known = knownServiceIds(catalogServiceIds);
  const unknown = (requested ?? []).filter((s) => !known.includes(s));
  if (unknown.length) throw invalid('unknown-service', `Unknown service(s): ${unknown.join(', ')}`);
  if (hasRole(principal, 'lab')) {
    return requested ? { all: false, services: requested } : { all: true, services: known };
  }
  if (!hasRole(principal, 'hr')) throw forbidden('Reports are for HR and the lab', 'role-required');
  const allowed = (principal.hrServices ?? []).filter((s) => catalogServiceIds.includes(s));
  if (!allowed.length) throw forbidden('Your account is not allowed to see any service', 'no-hr-scope');
  if (requested) {
    const outside = requested.filter((s) => !allowed.includes(s));
    if (outside.length)
      throw forbidden(`Outside your services: ${outside.join(', ')}`, 'service-out-of-scope');
    return { all: false, services: requested };
  }
  return { all: false, services: allowed };
}

/** Whether an agent of `service` is visible in this scope (the agent detail answers 404 otherwise). */
export function inScope(scope: ReportScope, service: string): boolean {
  return scope.all || scope.services.includes(service);
}
