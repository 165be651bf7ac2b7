import type { Module } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Link } from '../../../router.tsx';
import type { CatalogData } from './catalog-data.ts';
import { ModuleFacts, moduleHref } from './module-facts.tsx';
import { useTexts } from './texts.ts';

/** A module in the catalogue's list: its summary and facts, and the way to its sessions. */
export function ModuleCard(props: { module: Module; catalog: CatalogData }) {
  const { text } = useI18n();
  const tx = useTexts();
  const m = props.module;
  const title = text(m.title);
  const headingId = `catalog-module-${m.id}`;
  return (
    <article class="card" aria-labelledby={headingId} data-testid={`catalog-module-${m.id}`}>
      <h3 id={headingId}>{title}</h3>
      <p>
        <span class="badge">
          <span class="sr-only">{tx.themePrefix}</span>
          {tx.themeName(m.theme)}
        </span>
      </p>
      <p>{text(m.summary)}</p>
      <ModuleFacts module={m} catalog={props.catalog} />
      <p>
        <Link to={moduleHref(m.id)} class="btn btn-secondary">
          {tx.seeSessions}
          <span class="sr-only">{tx.seeSessionsContext(title)}</span>
        </Link>
      </p>
    </article>
  );
}
