import { useEffect, useRef, useState } from 'preact/hooks';
import { must, useApi } from '../../../api/client.ts';
import type { Answer } from '../../../api/types.ts';
import { useAnnounce } from '../../../components/announcer.tsx';
import { ErrorText } from '../../../components/async-view.tsx';
import type { FormErrors } from '../../../components/form-errors.ts';
import { Field, FormAlert } from '../../../components/form-field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { facilitatorRoleLabel } from '../../trainer/role-labels.ts';
import type { Facilitator } from './session-form-model.ts';
import { sessionErrors } from './session-helpers.ts';
import { useTexts } from './texts.ts';

export type StaffingCheck = Answer<'transfer-staffing-check'>;
export type Suggestion = StaffingCheck['suggestions'][number];

export interface StaffingState {
  /** The last answer (kept while a newer check runs, so the findings do not flicker). */
  result?: StaffingCheck;
  pending: boolean;
  error?: unknown;
}

/** Without a lead, or without a certified one: scheduling needs the recorded override. */
export function needsOverride(check: StaffingCheck | undefined): boolean {
  return !!check?.warnings.some(
    (w) => (w.code === 'no-certified-lead' || w.code === 'no-lead') && !w.overridden,
  );
}

const DEBOUNCE_MS = 400;

/**
 * POST /transfer/staffing-check for a staffing not saved yet, re-run (debounced) when the module, the dates or the
 * facilitators change. Idle until the module and both instants are known: certification is judged at the start.
 */
export function useStaffingCheck(input: {
  moduleId: string;
  start?: string | undefined;
  end?: string | undefined;
  facilitators: Facilitator[];
}): StaffingState {
  const api = useApi();
  const [state, setState] = useState<StaffingState>({ pending: false });
  const generation = useRef(0);
  const key = JSON.stringify(input);
  useEffect(() => {
    const mine = ++generation.current;
    const { moduleId, start, end, facilitators } = input;
    if (!moduleId || !start || !end) {
      setState({ pending: false });
      return;
    }
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      must(api.POST('/transfer/staffing-check', { body: { moduleId, start, end, facilitators } })).then(
        (result) => mine === generation.current && setState({ result, pending: false }),
        (error: unknown) => mine === generation.current && setState({ pending: false, error }),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [api, key]);
  return state;
}

/**
 * The check's findings in words: a status line (announced politely), the warnings, and the pairing suggestions —
 * with an "add" button each when the caller can add a facilitator.
 */
export function StaffingFindings(props: {
  state: StaffingState;
  nameOf: (trainerId: string) => string;
  /** "Choose the module and dates first" when the check cannot run yet. */
  idleText?: string;
  onAdd?: (s: Suggestion) => void;
}) {
  const { t } = useI18n();
  const tx = useTexts();
  const { result, pending, error } = props.state;
  const issues = result?.warnings.filter((w) => w.severity === 'warning' && !w.overridden).length ?? 0;
  const status = pending
    ? tx.staffingChecking
    : error !== undefined
      ? tx.staffingFailed
      : result
        ? issues === 0
          ? tx.staffingOk
          : tx.staffingIssues(issues)
        : (props.idleText ?? '');
  return (
    <div class="staffing-findings" data-testid="staffing-findings">
      <p role="status" class="staffing-status">
        {status}
      </p>
      {error !== undefined && !pending && (
        <p class="notice notice-error">
          <ErrorText error={error} />
        </p>
      )}
      {result && result.warnings.length > 0 && (
        <ul class="staffing-warnings">
          {result.warnings.map((w) => {
            const words = tx.warning(w.code, w.trainerId ? props.nameOf(w.trainerId) : '');
            return (
              <li key={`${w.code}-${w.trainerId ?? ''}`} class={`staffing-${w.severity}`}>
                <strong>{w.severity === 'warning' ? tx.warningLabel : tx.infoLabel}</strong>{' '}
                {words ?? <span lang="en">{w.message}</span>}
                {w.overridden && tx.overridden}
              </li>
            );
          })}
        </ul>
      )}
      {result && result.suggestions.length > 0 && (
        <>
          <p class="staffing-subheading">{tx.suggestionsHeading}</p>
          <ul class="staffing-suggestions">
            {result.suggestions.map((s) => {
              const name = s.name ?? props.nameOf(s.trainerId);
              const role = facilitatorRoleLabel(t, s.role);
              return (
                <li key={s.trainerId}>
                  {tx.suggestion(
                    name,
                    role,
                    tx.stepTitle(s.forStep),
                    s.remaining,
                    s.pairWith && props.nameOf(s.pairWith),
                  )}{' '}
                  {props.onAdd && (
                    <button type="button" class="btn btn-tertiary btn-small" onClick={() => props.onAdd?.(s)}>
                      {tx.addSuggestion(name, role)}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}

/**
 * On a session's page: record the override for a session already scheduled without a certified lead
 * (PUT /sessions/{id}/staffing-override, with the reason).
 */
export function OverrideForm(props: { sessionId: string; onSaved: () => void }) {
  const { t } = useI18n();
  const tx = useTexts();
  const api = useApi();
  const announce = useAnnounce();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) return setErrors({ reason: tx.overrideReasonRequired });
    setBusy(true);
    setErrors({});
    try {
      await must(
        api.PUT('/sessions/{id}/staffing-override', {
          params: { path: { id: props.sessionId } },
          body: { reason: reason.trim() },
        }),
      );
      announce(tx.overrideSaved);
      props.onSaved();
    } catch (err) {
      setErrors(sessionErrors(err, t, tx, {}));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="override" onSubmit={submit} noValidate>
      <Field
        id="override-reason"
        label={tx.overrideReason}
        hint={tx.overrideReasonHint}
        error={errors.reason}
        required
      >
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
      <button type="submit" class="btn btn-secondary" disabled={busy}>
        {tx.overrideRecord}
      </button>
    </form>
  );
}
