import type { ComponentChildren } from 'preact';
import type { Dictionary } from '../../i18n/fr.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';

/** The cockpit's sections, under `/lab` (each its own lazily loaded chunk). */
export const LAB_SECTIONS: { path: string; label: (t: Dictionary) => string }[] = [
  { path: '/lab', label: (t) => t.labNavDashboard },
  { path: '/lab/sessions', label: (t) => t.labNavSessions },
  { path: '/lab/formateurs', label: (t) => t.labNavTrainers },
  { path: '/lab/catalogue', label: (t) => t.labNavCatalog },
  { path: '/lab/people', label: (t) => t.labNavPeople },
  { path: '/lab/operations', label: (t) => t.labNavOperations },
];

/** The section links above every cockpit page; the current one carries `aria-current="page"`. */
export function LabSection({ path, children }: { path: string; children: ComponentChildren }) {
  const { t } = useI18n();
  const current = [...LAB_SECTIONS].reverse().find((s) => path === s.path || path.startsWith(`${s.path}/`));
  return (
    <>
      <nav class="subnav" aria-label={t.labNavLabel}>
        <ul>
          {LAB_SECTIONS.map((s) => (
            <li key={s.path}>
              <Link to={s.path} aria-current={s === current ? 'page' : undefined}>
                {s.label(t)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </>
  );
}
