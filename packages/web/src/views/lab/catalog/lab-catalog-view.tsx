import { PageTitle } from '../../../components/page-title.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Link } from '../../../router.tsx';
import type { Kind } from './catalog-types.ts';
import { ItemEditor } from './item-editor.tsx';
import { ItemHistory } from './item-history.tsx';
import { ItemList } from './item-list.tsx';
import { HISTORY, KINDS, kindOfSlug, listHref, NEW } from './kinds.ts';
import { useTexts } from './texts.ts';
import './lab-catalog.css';

/**
 * The lab's catalogue editor, under `/lab/catalogue` (`rest` is the path below it):
 *   ''                        → the kinds, with what each holds;
 *   '/<kind>'                 → its items, in service then archived (kind: modules, parcours, sites, competences,
 *                               services);
 *   '/<kind>/nouveau'         → the creation form;
 *   '/<kind>/<id>'            → the edit form, archive/restore, delete;
 *   '/<kind>/<id>/historique' → the item's versions.
 */
export function LabCatalogView({ rest }: { rest: string }) {
  const [, slug = '', id, sub, ...more] = rest.split('/');
  const kind = kindOfSlug(slug);
  let page = null;
  if (rest === '') page = <CatalogHub />;
  else if (kind && more.length === 0) {
    const itemId = id === undefined ? undefined : decodeURIComponent(id);
    if (itemId === undefined && sub === undefined) page = <ItemList kind={kind} />;
    else if (itemId === NEW && sub === undefined) page = <ItemEditor key={`${kind}/${NEW}`} kind={kind} />;
    else if (itemId && sub === undefined)
      page = <ItemEditor key={`${kind}/${itemId}`} kind={kind} id={itemId} />;
    else if (itemId && sub === HISTORY) page = <ItemHistory kind={kind} id={itemId} />;
  }
  return (
    <div data-testid="lab-catalog">
      {rest !== '' && <KindNav current={kind} onList={id === undefined} />}
      {page ?? <CatalogNotFound />}
    </div>
  );
}

/**
 * The kinds as links. The current kind is bold and underlined (not colour only); `aria-current="page"` only on its
 * list itself — on an item's page, the link leads elsewhere.
 */
function KindNav({ current, onList }: { current: Kind | undefined; onList: boolean }) {
  const tx = useTexts();
  return (
    <nav class="subnav lab-cat-kinds" aria-label={tx.kindsNav}>
      <ul>
        {KINDS.map(({ kind }) => (
          <li key={kind}>
            <Link
              to={listHref(kind)}
              aria-current={kind === current && onList ? 'page' : undefined}
              {...(kind === current ? { class: 'lab-cat-current' } : {})}
            >
              {tx.kind[kind].many}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function CatalogHub() {
  const tx = useTexts();
  return (
    <>
      <PageTitle>{tx.title}</PageTitle>
      <p>{tx.intro}</p>
      <ul class="lab-cat-hub">
        {KINDS.map(({ kind }) => (
          <li key={kind} class="card">
            <h2>
              <Link to={listHref(kind)}>{tx.kind[kind].many}</Link>
            </h2>
            <p>{tx.kind[kind].about}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

function CatalogNotFound() {
  const { t } = useI18n();
  const tx = useTexts();
  return (
    <>
      <PageTitle>{t.notFoundTitle}</PageTitle>
      <p>{t.notFoundText}</p>
      <p>
        <Link to="/lab/catalogue">{tx.title}</Link>
      </p>
    </>
  );
}
