import type { Facilitation } from '../../api/types.ts';
import type { Dictionary } from '../../i18n/fr.ts';

export function facilitatorRoleLabel(t: Dictionary, role: Facilitation['role']): string {
  return {
    lead: t.roleLead,
    'co-facilitator': t.roleCoFacilitator,
    shadow: t.roleShadow,
    observer: t.roleObserver,
  }[role];
}
