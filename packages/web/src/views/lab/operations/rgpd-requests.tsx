import { useEffect, useRef, useState } from 'preact/hooks';
import { must, useApi } from '../../../api/client.ts';
import type { Answer } from '../../../api/types.ts';
import { useAnnounce } from '../../../components/announcer.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { type FormErrors, formErrors } from '../../../components/form-errors.ts';
import { Field, FormAlert, ReasonField } from '../../../components/form-field.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { formatNumber } from '../../../format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { saveBlob } from '../../../save-blob.ts';
import { focusFirstError } from '../trainers/focus-error.ts';
import { parisToday } from './paris-time.ts';
import { useTexts } from './texts.ts';

type Erasure = Answer<'people-erasure'>;
const ID_PATTERN = /^[A-Za-z0-9_.@-]{1,128}$/;

export function saveJson(data: unknown, name: string): void {
  saveBlob(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), name);
}

/** The erasure's second step: the person's id typed again, an optional reason, then the irreversible call. */
export function ErasureConfirm(props: {
  personId: string;
  onDone: (r: Erasure) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const tx = useTexts();
  const api = useApi();
  const announce = useAnnounce();
  const heading = useRef<HTMLHeadingElement>(null);
  const [typed, setTyped] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  const erase = async (e: Event) => {
    e.preventDefault();
    if (typed.trim() !== props.personId) {
      const local = { confirm: tx.confirmIdMismatch };
      setErrors(local);
      return focusFirstError('erase', local, ['confirm']);
    }
    setBusy(true);
    setErrors({});
    try {
      const r = await must(
        api.POST('/people/{id}/erasure', {
          params: { path: { id: props.personId } },
          body: reason.trim() ? { reason: reason.trim() } : {},
        }),
      );
      announce(tx.erased(props.personId));
      props.onDone(r);
    } catch (err) {
      const errs = formErrors(err, t, {}, tx.apiErrors);
      // A refused id (path parameter) concerns the whole request, not the retyped copy.
      if (errs['id']) errs.form ??= errs['id'];
      setErrors(errs);
      focusFirstError('erase', errs, ['reason']);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel danger-panel" aria-labelledby="erase-confirm-heading" data-testid="erasure-confirm">
      <h3 id="erase-confirm-heading" ref={heading} tabIndex={-1}>
        {tx.erasureConfirmHeading(props.personId)}
      </h3>
      <form onSubmit={erase} noValidate>
        <Field id="erase-confirm" label={tx.confirmId} error={errors['confirm']} required>
          {(c) => (
            <input
              {...c}
              type="text"
              autoComplete="off"
              spellcheck={false}
              required
              value={typed}
              onInput={(e) => setTyped(e.currentTarget.value)}
            />
          )}
        </Field>
        <ReasonField
          id="erase-reason"
          label={tx.reasonLabel}
          hint={tx.reasonHint}
          error={errors['reason']}
          value={reason}
          onInput={setReason}
        />
        <FormAlert message={errors.form} />
        <div class="form-actions">
          <button type="submit" class="btn btn-danger" disabled={busy}>
            {busy ? tx.erasing : tx.erase}
          </button>
          <button type="button" class="btn btn-tertiary" disabled={busy} onClick={props.onCancel}>
            {tx.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}

export function ErasureResult({ personId, result }: { personId: string; result: Erasure }) {
  const { locale } = useI18n();
  const tx = useTexts();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [result]);
  return (
    <section class="panel" aria-labelledby="erase-result-heading" data-testid="erasure-result">
      <h3 id="erase-result-heading" ref={heading} tabIndex={-1}>
        {tx.resultHeading}
      </h3>
      <p>{tx.erased(personId)}</p>
      <dl class="facts">
        <div>
          <dt>{tx.erasureId}</dt>
          <dd>
            <code>{result.erasureId}</code>
          </dd>
        </div>
      </dl>
      <DataTable
        caption={tx.resultCaption}
        rows={Object.entries(result.counts)}
        rowKey={([k]) => k}
        columns={[
          { header: tx.entity, rowHeader: true, cell: ([k]) => tx.countNames[k] ?? k },
          { header: tx.count, numeric: true, cell: ([, n]) => formatNumber(n, locale, 0) },
        ]}
      />
    </section>
  );
}

/** Operations `/rgpd`: a person's data export (downloaded as JSON) and erasure, typed-id confirmation first. */
export function RgpdRequests() {
  const { t } = useI18n();
  const tx = useTexts();
  const api = useApi();
  const announce = useAnnounce();
  const [personId, setPersonId] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [exporting, setExporting] = useState(false);
  const [erasing, setErasing] = useState<string>();
  const [result, setResult] = useState<{ personId: string; result: Erasure }>();
  const id = personId.trim();

  /** The id both actions need, checked where it is typed. */
  const checkId = (): boolean => {
    const error = !id ? tx.required : ID_PATTERN.test(id) ? undefined : tx.personIdInvalid;
    setErrors(error ? { personId: error } : {});
    if (error) focusFirstError('rgpd', { personId: error }, ['personId']);
    return !error;
  };
  const download = async () => {
    if (!checkId()) return;
    setExporting(true);
    try {
      const data = await must(api.GET('/people/{id}/data-export', { params: { path: { id } } }));
      saveJson(data, `donnees-personnelles-${id}-${parisToday()}.json`);
      announce(tx.exported(id));
    } catch (err) {
      const errs = formErrors(err, t, {}, tx.apiErrors);
      if (errs['id']) errs['personId'] ??= errs['id'];
      setErrors(errs);
      focusFirstError('rgpd', errs, ['personId']);
    } finally {
      setExporting(false);
    }
  };
  const prepareErasure = () => {
    if (!checkId()) return;
    setResult(undefined);
    setErasing(id);
  };

  return (
    <>
      <PageTitle>{tx.navRgpd}</PageTitle>
      <section data-testid="rgpd" aria-label={tx.navRgpd}>
        <p>{tx.rgpdIntro}</p>
        <Field
          id="rgpd-personId"
          label={tx.personId}
          hint={tx.personIdHint}
          error={errors['personId']}
          required
        >
          {(c) => (
            <input
              {...c}
              type="text"
              autoComplete="off"
              spellcheck={false}
              required
              value={personId}
              onInput={(e) => {
                setPersonId(e.currentTarget.value);
                // Another person: a confirmation prepared for the previous one no longer applies.
                setErasing(undefined);
              }}
            />
          )}
        </Field>
        <FormAlert message={errors.form} />
        <h2>{tx.exportHeading}</h2>
        <button type="button" class="btn btn-secondary" disabled={exporting} onClick={download}>
          {exporting ? tx.exporting : tx.exportButton}
        </button>
        <h2>{tx.erasureHeading}</h2>
        <p>{tx.erasureIntro}</p>
        {!erasing && (
          <button type="button" id="erase-start" class="btn btn-danger" onClick={prepareErasure}>
            {tx.erasureStart}
          </button>
        )}
        {erasing && (
          <ErasureConfirm
            personId={erasing}
            onCancel={() => {
              setErasing(undefined);
              setTimeout(() => document.getElementById('erase-start')?.focus(), 0);
            }}
            onDone={(r) => {
              setResult({ personId: erasing, result: r });
              setErasing(undefined);
            }}
          />
        )}
        {result && <ErasureResult personId={result.personId} result={result.result} />}
      </section>
    </>
  );
}
