import { useState } from 'preact/hooks';
import { must, useApi } from '../../../api/client.ts';
import type { Answer } from '../../../api/types.ts';
import { useAnnounce } from '../../../components/announcer.tsx';
import { AsyncView, ErrorText } from '../../../components/async-view.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { formatDateTime, formatPeriod } from '../../../format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { parisToday } from './paris-time.ts';
import { useTexts } from './texts.ts';
import { useCursorList } from './use-cursor-list.ts';

type Entry = Answer<'audit-list'>['items'][number];
const SIZES = [25, 50, 100, 200, 500] as const;
const MONTHS_BACK = 24;

/** The last two years' months, newest first, as the API's `YYYY-MM` (a select: no month input in every browser). */
function recentMonths(today = parisToday()): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: MONTHS_BACK }, (_, i) => {
    const k = y * 12 + (m - 1) - i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

interface AuditFilters {
  month: string;
  limit: number;
}

function AuditFiltersForm(props: { value: AuditFilters; onApply: (f: AuditFilters) => void }) {
  const { locale } = useI18n();
  const tx = useTexts();
  const [month, setMonth] = useState(props.value.month);
  const [limit, setLimit] = useState(props.value.limit);
  return (
    <form
      class="filters"
      aria-label={tx.navAudit}
      onSubmit={(e) => {
        e.preventDefault();
        props.onApply({ month, limit });
      }}
    >
      <div class="field">
        <label for="audit-month">{tx.month}</label>
        <select id="audit-month" value={month} onChange={(e) => setMonth(e.currentTarget.value)}>
          {recentMonths().map((m) => (
            <option key={m} value={m}>
              {formatPeriod(m, locale)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="audit-limit">{tx.pageSize}</label>
        <select
          id="audit-limit"
          value={String(limit)}
          onChange={(e) => setLimit(Number(e.currentTarget.value))}
        >
          {SIZES.map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="btn btn-primary">
        {tx.show}
      </button>
    </form>
  );
}

/** Operations `/audit`: who changed what (never the values: the log holds no personal data), a month at a time. */
export function AuditLog() {
  const { t, locale } = useI18n();
  const tx = useTexts();
  const api = useApi();
  const announce = useAnnounce();
  const [filters, setFilters] = useState<AuditFilters>(() => ({ month: recentMonths()[0] ?? '', limit: 50 }));
  const list = useCursorList(
    (cursor) =>
      must(
        api.GET('/audit', {
          params: { query: { month: filters.month, limit: filters.limit, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [api, filters.month, filters.limit],
  );
  const columns: Column<Entry>[] = [
    { header: tx.at, rowHeader: true, cell: (e) => formatDateTime(e.at, locale) },
    { header: tx.actor, cell: (e) => e.actor },
    {
      header: tx.entity,
      cell: (e) => (
        <>
          {tx.entities[e.entity] ?? e.entity} <code>{e.entityId}</code>
        </>
      ),
    },
    { header: tx.action, cell: (e) => tx.actions[e.action] ?? e.action },
    {
      header: tx.changed,
      cell: (e) => (e.changed.length ? <code>{e.changed.join(', ')}</code> : '—'),
    },
  ];
  const more = async () => {
    const before = list.items.length;
    const r = await list.loadMore();
    if (r.added > 0) announce(tx.shown(before + r.added));
    if (!r.hasMore) setTimeout(() => document.getElementById('audit-count')?.focus(), 0);
  };
  return (
    <>
      <PageTitle>{tx.navAudit}</PageTitle>
      <section data-testid="audit-log" aria-label={tx.navAudit}>
        <p>{tx.auditIntro}</p>
        <AuditFiltersForm value={filters} onApply={setFilters} />
        <AsyncView resource={list.first} retry={list.reload}>
          {() =>
            list.items.length === 0 ? (
              <p>{tx.noAudit}</p>
            ) : (
              <>
                <DataTable
                  caption={tx.auditCaption(formatPeriod(filters.month, locale))}
                  testId="audit-table"
                  rows={list.items}
                  rowKey={(e) => `${e.at}|${e.entity}|${e.entityId}|${e.action}|${e.changed.join(',')}`}
                  columns={columns}
                />
                <p class="hint" id="audit-count" tabIndex={-1}>
                  {tx.shown(list.items.length)}
                </p>
                {list.error !== undefined && (
                  <p role="alert" class="notice notice-error">
                    <ErrorText error={list.error} />
                  </p>
                )}
                {list.hasMore && (
                  <button type="button" class="btn btn-secondary" disabled={list.busy} onClick={more}>
                    {list.busy ? t.loading : tx.loadMore}
                  </button>
                )}
              </>
            )
          }
        </AsyncView>
      </section>
    </>
  );
}
