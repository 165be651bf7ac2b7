import type { Role } from '../auth/auth.tsx';
import type { Dictionary } from '../i18n/fr.ts';

export interface NavItem {
  path: string;
  label: (t: Dictionary) => string;
  roles: Role[];
}

/** The views, in menu order, and who may open them (the API checks again: this only hides what would fail). */
export const NAV_ITEMS: NavItem[] = [
  { path: '/apprenant', label: (t) => t.navLearner, roles: ['learner'] },
  { path: '/catalogue', label: (t) => t.navCatalog, roles: ['learner'] },
  { path: '/formateur', label: (t) => t.navTrainer, roles: ['trainer'] },
  { path: '/lab', label: (t) => t.navLab, roles: ['lab'] },
  { path: '/rh', label: (t) => t.navHr, roles: ['hr', 'lab'] },
];

export function allowedItems(hasRole: (r: Role) => boolean): NavItem[] {
  return NAV_ITEMS.filter((i) => i.roles.some(hasRole));
}
