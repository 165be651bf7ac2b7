import { useState } from 'preact/hooks';
import { must, useApi } from '../../../api/client.ts';
import { ApiError } from '../../../api/http.ts';
import type { Answer } from '../../../api/types.ts';
import { useAnnounce } from '../../../components/announcer.tsx';
import { AsyncView, ErrorText } from '../../../components/async-view.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { formatDateTime } from '../../../format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useTexts } from './texts.ts';
import { useCursorList } from './use-cursor-list.ts';

type Failed = Answer<'notifications-failed-list'>['items'][number];
const PAGE = 50;

/**
 * "Resend" for one row (POST /notifications/failed/{resendKey}/resend): once queued, the button gives way to a
 * focusable status, so focus stays on the row; a refusal shows in the row.
 */
function ResendCell({ n, who }: { n: Failed; who: string }) {
  const tx = useTexts();
  const api = useApi();
  const announce = useAnnounce();
  const [state, setState] = useState<'idle' | 'busy' | 'queued'>('idle');
  const [error, setError] = useState<unknown>();
  const statusId = `resent-${n.id}`;
  const resend = async () => {
    setState('busy');
    setError(undefined);
    try {
      await must(api.POST('/notifications/failed/{id}/resend', { params: { path: { id: n.resendKey } } }));
      setState('queued');
      announce(tx.resent(who));
      setTimeout(() => document.getElementById(statusId)?.focus(), 0);
    } catch (e) {
      setError(e);
      setState('idle');
    }
  };
  if (state === 'queued')
    return (
      <span id={statusId} tabIndex={-1} class="badge badge-on-track">
        {tx.resendQueued}
      </span>
    );
  return (
    <>
      <button type="button" class="btn btn-secondary btn-small" disabled={state === 'busy'} onClick={resend}>
        {tx.resend}
        <span class="sr-only">{tx.resendContext(tx.kinds[n.kind] ?? n.kind, who)}</span>
      </button>
      {error !== undefined && (
        <p role="alert" class="field-error">
          {(error instanceof ApiError && tx.apiErrors(error.code)) || <ErrorText error={error} />}
        </p>
      )}
    </>
  );
}

/** Operations `''` / `/notifications`: what could not be delivered, to whom, when and why; resend once fixed. */
export function FailedNotifications() {
  const { t, locale } = useI18n();
  const tx = useTexts();
  const api = useApi();
  const announce = useAnnounce();
  const list = useCursorList(
    (cursor) =>
      must(
        api.GET('/notifications/failed', {
          params: { query: { limit: PAGE, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [api],
  );
  const role = (n: Failed) => (n.recipientRole === 'trainer' ? tx.roleTrainer : tx.roleLearner);
  const columns: Column<Failed>[] = [
    {
      header: tx.recipient,
      rowHeader: true,
      cell: (n) => (
        <>
          {n.recipientId} <span class="hint">({role(n)})</span>
        </>
      ),
    },
    {
      header: tx.message,
      cell: (n) => (
        <>
          {tx.kinds[n.kind] ?? n.kind}
          <br />
          <span class="hint">{tx.session(n.sessionId)}</span>
        </>
      ),
    },
    {
      header: tx.reason,
      cell: (n) => (
        <>
          {tx.reasons[n.failureReason] ?? n.failureReason}
          <br />
          <span class="hint">
            {tx.attempts(n.attempts)}
            {/* The mail service's own words, in English. */}
            {n.lastError && (
              <>
                {' — '}
                <span lang="en">{n.lastError}</span>
              </>
            )}
          </span>
        </>
      ),
    },
    { header: tx.failedAt, cell: (n) => formatDateTime(n.failedAt, locale) },
    { header: t.actions, cell: (n) => <ResendCell key={n.id} n={n} who={n.recipientId} /> },
  ];
  const more = async () => {
    const before = list.items.length;
    const r = await list.loadMore();
    if (r.added > 0) announce(tx.shown(before + r.added));
    if (!r.hasMore) setTimeout(() => document.getElementById('failed-count')?.focus(), 0);
  };
  return (
    <>
      <PageTitle>{tx.navNotifications}</PageTitle>
      <section data-testid="failed-notifications" aria-label={tx.navNotifications}>
        <p>{tx.failedIntro}</p>
        <AsyncView resource={list.first} retry={list.reload}>
          {() =>
            list.items.length === 0 ? (
              <p>{tx.noFailed}</p>
            ) : (
              <>
                <DataTable
                  caption={tx.failedCaption}
                  testId="failed-notifications-table"
                  rows={list.items}
                  rowKey={(n) => n.id}
                  columns={columns}
                />
                <p class="hint" id="failed-count" tabIndex={-1}>
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
