import { AsyncView } from '../../../components/async-view.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { formatDateTime } from '../../../format.ts';
import { useResource } from '../../../hooks/use-resource.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Link } from '../../../router.tsx';
import { useCatalogApi } from './catalog-api.ts';
import type { Kind, View } from './catalog-types.ts';
import { historyHref, itemHref, nameOf, newHref } from './kinds.ts';
import { useTexts } from './texts.ts';

/** One table of items: name (a link to its form), id, version, last change, history. */
function ItemTable<K extends Kind>(props: {
  kind: K;
  items: View<K>[];
  caption: string;
  archived?: boolean;
}) {
  const { text, locale } = useI18n();
  const tx = useTexts();
  const rows = [...props.items].sort((a, b) => nameOf(a, text).localeCompare(nameOf(b, text), locale));
  return (
    <DataTable<View<K>>
      caption={props.caption}
      captionHidden
      rows={rows}
      rowKey={(r) => r.id}
      testId={props.archived ? 'catalog-archived' : 'catalog-active'}
      columns={[
        {
          header: tx.colName,
          rowHeader: true,
          cell: (r) => (
            <>
              <Link to={itemHref(props.kind, r.id)}>{nameOf(r, text)}</Link>
              {r.archived && (
                <>
                  {' '}
                  <span class="badge lab-cat-archived">{tx.archivedBadge}</span>
                </>
              )}
            </>
          ),
        },
        { header: tx.colId, cell: (r) => <code>{r.id}</code> },
        { header: tx.colVersion, numeric: true, cell: (r) => r.version },
        {
          header: tx.colUpdated,
          cell: (r) =>
            r.updatedAt ? tx.updated(formatDateTime(r.updatedAt, locale), r.updatedBy ?? '?') : '—',
        },
        {
          header: tx.history,
          cell: (r) => (
            <Link to={historyHref(props.kind, r.id)}>
              {tx.history}
              <span class="sr-only">{tx.about(nameOf(r, text))}</span>
            </Link>
          ),
        },
      ]}
    />
  );
}

/** A kind's items: those in service, then the archived ones apart (their own heading and a badge). */
export function ItemList<K extends Kind>({ kind }: { kind: K }) {
  const tx = useTexts();
  const api = useCatalogApi();
  const [items, reload] = useResource(() => api[kind].list(), [api, kind]);
  const words = tx.kind[kind];
  return (
    <>
      <PageTitle>{tx.kindTitle(words.many)}</PageTitle>
      <p>
        <Link to={newHref(kind)} class="btn btn-primary">
          {words.create}
        </Link>
      </p>
      <AsyncView resource={items} retry={reload}>
        {(all) => {
          const active = all.filter((i) => !i.archived);
          const archived = all.filter((i) => i.archived);
          return (
            <>
              <section aria-labelledby="lab-cat-active">
                <h2 id="lab-cat-active">{tx.active}</h2>
                {active.length === 0 ? (
                  <p>{tx.noneActive}</p>
                ) : (
                  <ItemTable kind={kind} items={active} caption={`${words.many} — ${tx.active}`} />
                )}
              </section>
              <section aria-labelledby="lab-cat-archived">
                <h2 id="lab-cat-archived">{tx.archived}</h2>
                {archived.length === 0 ? (
                  <p>{tx.noneArchived}</p>
                ) : (
                  <ItemTable
                    kind={kind}
                    items={archived}
                    caption={`${words.many} — ${tx.archived}`}
                    archived
                  />
                )}
              </section>
            </>
          );
        }}
      </AsyncView>
    </>
  );
}
