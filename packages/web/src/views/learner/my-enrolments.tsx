import { useState } from 'preact/hooks';
import { apiJson } from '../../api/http.ts';
import type { Enrolment } from '../../api/types.ts';
import { useToken } from '../../auth/auth.tsx';
import { useAnnounce } from '../../components/announcer.tsx';
import { ErrorText } from '../../components/async-view.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { formatSlot } from '../../format.ts';
import { useCatalog } from '../../hooks/use-catalog.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { enrolmentStatusLabel } from './status-labels.ts';

const ACTIVE = new Set(['enrolled', 'waitlisted']);

/** My enrolments, upcoming first; active ones can be cancelled (the API enforces the path's cut-off). */
export function MyEnrolments(props: { enrolments: Enrolment[]; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const { moduleTitle } = useCatalog();
  const token = useToken();
  const announce = useAnnounce();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();
  const now = new Date().toISOString();
  const rows = [...props.enrolments].sort((a, b) =>
    a.sessionStart >= now === b.sessionStart >= now
      ? a.sessionStart.localeCompare(b.sessionStart)
      : a.sessionStart >= now
        ? -1
        : 1,
  );

  const cancel = async (e: Enrolment) => {
    setBusy(e.id);
    setError(undefined);
    try {
      await apiJson<Enrolment>(`/enrolments/${e.id}/cancel`, { method: 'POST', token, body: {} });
      announce(t.cancelled(moduleTitle(e.moduleId)));
      props.onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };

  if (rows.length === 0) return <p>{t.noEnrolments}</p>;
  return (
    <>
      {error !== undefined && (
        <p role="alert" class="notice notice-error">
          <ErrorText error={error} />
        </p>
      )}
      <DataTable
        caption={t.enrolmentsHeading}
        captionHidden
        testId="my-enrolments"
        rows={rows}
        rowKey={(e) => e.id}
        columns={[
          { header: t.module, cell: (e) => moduleTitle(e.moduleId), rowHeader: true },
          { header: t.date, cell: (e) => formatSlot(e.sessionStart, e.sessionEnd, locale) },
          { header: t.status, cell: (e) => enrolmentStatusLabel(t, e) },
          {
            header: t.actions,
            cell: (e) =>
              ACTIVE.has(e.status) && e.sessionStart > now ? (
                <button
                  type="button"
                  class="btn btn-secondary btn-small"
                  onClick={() => cancel(e)}
                  disabled={busy === e.id}
                >
                  {t.cancel}
                  <span class="sr-only">{t.cancelContext(moduleTitle(e.moduleId))}</span>
                </button>
              ) : null,
          },
        ]}
      />
    </>
  );
}
