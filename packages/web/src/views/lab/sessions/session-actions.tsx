import { useState } from 'preact/hooks';
import { must, useApi } from '../../../api/client.ts';
import { ApiError } from '../../../api/http.ts';
import type { Session } from '../../../api/types.ts';
import { useAnnounce } from '../../../components/announcer.tsx';
import type { FormErrors } from '../../../components/form-errors.ts';
import { Field, FormAlert } from '../../../components/form-field.tsx';
import { useCatalog } from '../../../hooks/use-catalog.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Link } from '../../../router.tsx';
import { InlinePanel, returnFocus } from './inline-panel.tsx';
import { editPath, roomOf, sessionErrors } from './session-helpers.ts';
import { useTexts } from './texts.ts';

const CAPACITY_OPENER = 'session-capacity-open';
const CANCEL_OPENER = 'session-cancel-open';

/** Move (the edit form), change the capacity, cancel: each change of a scheduled session. */
export function SessionActions(props: {
  session: Session;
  counts: { enrolled: number; waitlisted: number };
  onChanged: () => void;
}) {
  const tx = useTexts();
  const [open, setOpen] = useState<'capacity' | 'cancel'>();
  const close = () => {
    returnFocus(open === 'capacity' ? CAPACITY_OPENER : CANCEL_OPENER);
    setOpen(undefined);
  };
  return (
    <>
      <div class="session-actions">
        <Link to={editPath(props.session.id)} class="btn btn-secondary">
          {tx.move}
        </Link>
        <button
          type="button"
          id={CAPACITY_OPENER}
          class="btn btn-secondary"
          aria-expanded={open === 'capacity'}
          onClick={() => setOpen('capacity')}
        >
          {tx.changeCapacity}
        </button>
        <button
          type="button"
          id={CANCEL_OPENER}
          class="btn btn-danger"
          aria-expanded={open === 'cancel'}
          onClick={() => setOpen('cancel')}
        >
          {tx.cancelSession}
        </button>
      </div>
      {open === 'capacity' && (
        <CapacityPanel
          session={props.session}
          onClose={close}
          onStale={props.onChanged}
          onSaved={() => {
            close();
            props.onChanged();
          }}
        />
      )}
      {open === 'cancel' && (
        <CancelPanel
          session={props.session}
          counts={props.counts}
          onClose={close}
          onCancelled={() => {
            setOpen(undefined);
            props.onChanged();
            // The actions disappear with a cancelled session: focus goes to the page's title.
            setTimeout(() => document.querySelector<HTMLElement>('h1.page-title')?.focus(), 0);
          }}
        />
      )}
    </>
  );
}

function CapacityPanel(props: {
  session: Session;
  onClose: () => void;
  onSaved: () => void;
  onStale: () => void;
}) {
  const { t } = useI18n();
  const tx = useTexts();
  const api = useApi();
  const announce = useAnnounce();
  const { catalog } = useCatalog();
  const s = props.session;
  const max =
    roomOf(
      catalog?.sites.find((x) => x.id === s.siteId),
      s.roomId,
    )?.capacity ?? 500;
  const min = Math.max(1, s.enrolledCount);
  const [value, setValue] = useState(String(s.capacity));
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      return setErrors({ capacity: tx.capacityRange(min, max) });
    setBusy(true);
    setErrors({});
    try {
      await must(
        api.PATCH('/sessions/{id}', {
          params: { path: { id: s.id } },
          body: { capacity: n, expectedVersion: s.version },
        }),
      );
      announce(tx.capacitySaved(n));
      props.onSaved();
    } catch (err) {
      const fields = { 'capacity-below-enrolled': 'capacity', 'capacity-exceeds-room': 'capacity' };
      const stale =
        err instanceof ApiError && (err.code === 'version-mismatch' || err.code === 'stale-version');
      // Someone changed the session meanwhile: read it again, so that the next try carries its new version.
      if (stale) props.onStale();
      setErrors(stale ? { form: tx.staleReloaded } : sessionErrors(err, t, tx, fields));
    } finally {
      setBusy(false);
    }
  };
  return (
    <InlinePanel title={tx.changeCapacity} onClose={props.onClose} testId="capacity-panel">
      <form onSubmit={submit} noValidate>
        <Field
          id="new-capacity"
          label={tx.newCapacity}
          hint={tx.capacityBounds(min, max)}
          error={errors.capacity}
          required
        >
          {(c) => (
            <input
              {...c}
              type="number"
              inputMode="numeric"
              min={min}
              max={max}
              value={value}
              onInput={(e) => setValue(e.currentTarget.value)}
            />
          )}
        </Field>
        <FormAlert message={errors.form} />
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {tx.saveCapacity}
          </button>
          <button type="button" class="btn btn-tertiary" onClick={props.onClose}>
            {tx.close}
          </button>
        </div>
      </form>
    </InlinePanel>
  );
}

/**
 * Cancelling is two steps: the button opens this panel, which says who will be told (the enrolled and the
 * waitlisted, counted from the enrolment list) before the explicit confirmation.
 */
function CancelPanel(props: {
  session: Session;
  counts: { enrolled: number; waitlisted: number };
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
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      await must(
        api.POST('/sessions/{id}/cancel', {
          params: { path: { id: props.session.id } },
          body: reason.trim() ? { reason: reason.trim() } : {},
        }),
      );
      announce(tx.sessionCancelled);
      props.onCancelled();
    } catch (err) {
      setErrors(sessionErrors(err, t, tx, {}));
    } finally {
      setBusy(false);
    }
  };
  return (
    <InlinePanel title={tx.cancelSession} onClose={props.onClose} testId="cancel-session-panel">
      <form onSubmit={submit} noValidate>
        <p class="notice notice-info" id="cancel-consequences">
          {tx.cancelConsequences(props.counts.enrolled, props.counts.waitlisted)}
        </p>
        <Field id="cancel-reason" label={tx.cancelReason} error={errors.reason}>
          {(c) => (
            <textarea
              {...c}
              rows={3}
              maxLength={500}
              value={reason}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          )}
        </Field>
        <FormAlert message={errors.form} />
        <div class="form-actions">
          <button type="submit" class="btn btn-danger" disabled={busy} aria-describedby="cancel-consequences">
            {tx.confirmCancelSession}
          </button>
          <button type="button" class="btn btn-secondary" onClick={props.onClose}>
            {tx.keepSession}
          </button>
        </div>
      </form>
    </InlinePanel>
  );
}
