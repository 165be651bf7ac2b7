import { useState } from 'preact/hooks';
import { must, useApi } from '../../../api/client.ts';
import type { Enrolment, Session } from '../../../api/types.ts';
import { useAnnounce } from '../../../components/announcer.tsx';
import { AsyncView } from '../../../components/async-view.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import type { FormErrors } from '../../../components/form-errors.ts';
import { FormAlert, ReasonField } from '../../../components/form-field.tsx';
import { formatDateTime } from '../../../format.ts';
import { useCatalog } from '../../../hooks/use-catalog.ts';
import type { Resource } from '../../../hooks/use-resource.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { enrolmentStatusLabel } from '../../learner/status-labels.ts';
import { EnrolForm } from './enrol-form.tsx';
import { downloadCsv, enrolmentsCsv } from './enrolments-csv.ts';
import { InlinePanel, returnFocus } from './inline-panel.tsx';
import { instantToParis } from './paris-time.ts';
import { sessionErrors } from './session-helpers.ts';
import { useTexts } from './texts.ts';

/** The learner as people know them: name (id), or the id when they never signed in. */
const who = (e: Enrolment) => (e.learnerName ? `${e.learnerName} (${e.learnerId})` : e.learnerId);

const openerId = (e: Enrolment) => `cancel-enrolment-${e.id}`;

/** The enrolled (and past enrolments), the waitlist in its order, one cancellation at a time, an export, a form. */
export function EnrolmentsSection(props: {
  session: Session;
  enrolments: Resource<Enrolment[]>;
  retry: () => void;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const tx = useTexts();
  const announce = useAnnounce();
  const { moduleTitle } = useCatalog();
  const [cancelling, setCancelling] = useState<Enrolment>();
  const open = props.session.status === 'scheduled';
  const close = () => {
    if (cancelling) returnFocus(openerId(cancelling));
    setCancelling(undefined);
  };

  const cancelButton = (e: Enrolment) =>
    open && (e.status === 'enrolled' || e.status === 'waitlisted') ? (
      <button
        type="button"
        id={openerId(e)}
        class="btn btn-tertiary btn-small"
        aria-expanded={cancelling?.id === e.id}
        onClick={() => setCancelling(e)}
      >
        {tx.cancelEnrolment}
        <span class="sr-only">{tx.ofLearner(who(e))}</span>
      </button>
    ) : null;
  const since = (e: Enrolment) => formatDateTime(e.createdAt, locale);

  return (
    <AsyncView resource={props.enrolments} retry={props.retry}>
      {(items) => {
        // Seated first (enrolled, then attendance outcomes), cancelled ones last.
        const seated = items
          .filter((e) => e.status !== 'waitlisted')
          .sort((a, b) => rank(a) - rank(b) || a.createdAt.localeCompare(b.createdAt));
        const waiting = items
          .filter((e) => e.status === 'waitlisted')
          .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
        const waitlistHeadId = waiting.length > 0 ? waiting[0]?.id : undefined;
        return (
          <>
            <h3 id="enrolled-heading" tabIndex={-1}>
              {tx.enrolledHeading}
            </h3>
            <div data-testid="enrolment-list">
              {seated.length === 0 ? (
                <p>{tx.noEnrolled}</p>
              ) : (
                <DataTable
                  caption={tx.enrolledHeading}
                  captionHidden
                  rows={seated}
                  rowKey={(e) => e.id}
                  columns={[
                    { header: tx.learner, cell: who, rowHeader: true },
                    { header: t.status, cell: (e) => enrolmentStatusLabel(t, e) },
                    { header: tx.since, cell: since },
                    { header: t.actions, cell: cancelButton },
                  ]}
                />
              )}
            </div>
            <h3 id="waitlist-heading">{tx.waitlistHeading}</h3>
            <div data-testid="waitlist">
              {waiting.length === 0 ? (
                <p>{tx.noWaitlist}</p>
              ) : (
                <DataTable
                  caption={tx.waitlistHeading}
                  captionHidden
                  rows={waiting}
                  rowKey={(e) => e.id}
                  columns={[
                    { header: tx.position, cell: (e) => String(e.waitlistPosition ?? '—'), numeric: true },
                    { header: tx.learner, cell: who, rowHeader: true },
                    { header: tx.since, cell: since },
                    { header: t.actions, cell: cancelButton },
                  ]}
                />
              )}
            </div>
            {cancelling && (
              <CancelEnrolmentPanel
                enrolment={cancelling}
                // Someone on the waitlist gets the seat of an enrolled person who leaves.
                headTakesSeat={cancelling.status === 'enrolled' && waitlistHeadId !== undefined}
                onClose={close}
                onCancelled={() => {
                  setCancelling(undefined);
                  props.onChanged();
                  // The row's button is gone with the enrolment: focus goes to the list's heading.
                  setTimeout(() => document.getElementById('enrolled-heading')?.focus(), 0);
                }}
              />
            )}
            <div class="csv-download">
              <button
                type="button"
                class="btn btn-secondary"
                aria-describedby="enrolments-csv-hint"
                onClick={() => {
                  const day = instantToParis(props.session.start).date;
                  downloadCsv(
                    enrolmentsCsv(moduleTitle(props.session.moduleId), [...seated, ...waiting]),
                    `inscriptions-${props.session.moduleId}-${day}.csv`,
                  );
                  announce(tx.csvDone(items.length));
                }}
              >
                {tx.csvDownload}
              </button>
              <span id="enrolments-csv-hint" class="hint">
                {tx.csvHint}
              </span>
            </div>
            {open && <EnrolForm sessionId={props.session.id} onEnrolled={props.onChanged} />}
          </>
        );
      }}
    </AsyncView>
  );
}

const RANK: Record<Enrolment['status'], number> = {
  enrolled: 0,
  attended: 1,
  'partially-attended': 1,
  'no-show': 1,
  waitlisted: 2,
  cancelled: 3,
  'session-cancelled': 3,
};
const rank = (e: Enrolment) => RANK[e.status];

/** The confirmation step of cancelling one enrolment, with an optional reason. */
function CancelEnrolmentPanel(props: {
  enrolment: Enrolment;
  headTakesSeat: boolean;
  onClose: () => void;
  onCancelled: () => void;
}) {
  const { t } = useI18n();
  const tx = useTexts();
  const api = useApi();
  const announce = useAnnounce();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const e = props.enrolment;
  const submit = async (ev: Event) => {
    ev.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      await must(
        api.POST('/enrolments/{id}/cancel', {
          params: { path: { id: e.id } },
          body: reason.trim() ? { reason: reason.trim() } : {},
        }),
      );
      announce(tx.enrolmentCancelled(who(e)));
      props.onCancelled();
    } catch (err) {
      setErrors(sessionErrors(err, t, tx, {}));
    } finally {
      setBusy(false);
    }
  };
  return (
    <InlinePanel
      title={tx.cancelEnrolmentTitle(who(e))}
      onClose={props.onClose}
      testId="cancel-enrolment-panel"
    >
      <form onSubmit={submit} noValidate>
        {props.headTakesSeat && <p class="notice notice-info">{tx.headTakesSeat}</p>}
        <ReasonField
          id="cancel-enrolment-reason"
          label={tx.optionalReason}
          error={errors.reason}
          value={reason}
          onInput={setReason}
        />
        <FormAlert message={errors.form} />
        <div class="form-actions">
          <button type="submit" class="btn btn-danger" disabled={busy}>
            {tx.confirmCancelEnrolment}
          </button>
          <button type="button" class="btn btn-secondary" onClick={props.onClose}>
            {tx.keepEnrolment}
          </button>
        </div>
      </form>
    </InlinePanel>
  );
}
