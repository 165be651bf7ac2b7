import { AsyncView } from '../../../components/async-view.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { formatDateTime } from '../../../format.ts';
import { useResource } from '../../../hooks/use-resource.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Link } from '../../../router.tsx';
import { useCatalogApi } from './catalog-api.ts';
import type { HistoryEntry, Kind } from './catalog-types.ts';
import { itemHref, nameOf } from './kinds.ts';
import { type LabCatalogTexts, useTexts } from './texts.ts';

/** A value of a change, short: texts as they are, the rest as compact JSON (cut, the full value is in the API). */
function shown(value: unknown, tx: LabCatalogTexts): string {
  if (value === undefined || value === null || value === '') return tx.empty;
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > 160 ? `${s.slice(0, 159)}…` : s;
}

function Changes({ entry }: { entry: HistoryEntry }) {
  const tx = useTexts();
  if (entry.changes.length === 0) return <>{tx.noChanges}</>;
  return (
    <ul class="lab-cat-changes">
      {entry.changes.map((c) => (
        <li key={c.field}>
          <code>{c.field}</code> <span class="sr-only">{tx.before}</span>
          {shown(c.before, tx)} <span aria-hidden="true">→</span>
          <span class="sr-only">{tx.after}</span> {shown(c.after, tx)}
        </li>
      ))}
    </ul>
  );
}

/** Every version of an item, newest first: when, who, what was done, what changed (before → after). */
export function ItemHistory<K extends Kind>(props: { kind: K; id: string }) {
  const { text, locale } = useI18n();
  const tx = useTexts();
  const api = useCatalogApi();
  const { kind, id } = props;
  const [data, reload] = useResource(
    () => Promise.all([api[kind].get(id), api[kind].history(id)]),
    [api, kind, id],
  );
  const name = data.status === 'ready' ? nameOf(data.data[0], text) : id;
  return (
    <>
      <p>
        <Link to={itemHref(kind, id)}>{tx.backToItem}</Link>
      </p>
      <PageTitle>{tx.historyTitle(name)}</PageTitle>
      <section data-testid="catalog-history" aria-label={tx.historyTitle(name)}>
        <AsyncView resource={data} retry={reload}>
          {([, entries]) =>
            entries.length === 0 ? (
              <p>{tx.noHistory}</p>
            ) : (
              <DataTable<HistoryEntry>
                caption={tx.historyCaption}
                rows={entries}
                rowKey={(e) => String(e.version)}
                columns={[
                  { header: tx.colVersion, rowHeader: true, numeric: true, cell: (e) => e.version },
                  { header: tx.colWhen, cell: (e) => formatDateTime(e.at, locale) },
                  { header: tx.colWho, cell: (e) => e.by },
                  { header: tx.colAction, cell: (e) => tx.action(e.action) },
                  { header: tx.colChanges, cell: (e) => <Changes entry={e} /> },
                ]}
              />
            )
          }
        </AsyncView>
      </section>
    </>
  );
}
