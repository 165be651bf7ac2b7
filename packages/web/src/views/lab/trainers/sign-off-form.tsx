import { useEffect, useRef, useState } from 'preact/hooks';
import { must, useApi } from '../../../api/client.ts';
import type { Body, LadderState } from '../../../api/types.ts';
import { useAnnounce } from '../../../components/announcer.tsx';
import { type FormErrors, formErrors } from '../../../components/form-errors.ts';
import { Field, FormAlert } from '../../../components/form-field.tsx';
import { formatDate } from '../../../format.ts';
import { useCatalog } from '../../../hooks/use-catalog.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { stepStatusLabel } from '../../trainer/ladder-progress.tsx';
import { parisInstant, parisToday } from '../operations/paris-time.ts';
import { focusFirstError } from './focus-error.ts';
import { useTexts } from './texts.ts';

type Basis = 'criteria' | 'recognition';
const P = 'sign-off';
const FIELDS = ['moduleId', 'stepId', 'basis', 'effectiveAt', 'note'];
/** Refusals of POST /trainers/{id}/sign-offs, shown next to the field they concern. */
const FIELD_OF_CODE: Record<string, string> = {
  'module-not-found': 'moduleId',
  'unknown-step': 'stepId',
  'step-not-signed-off': 'stepId',
  'criteria-not-met': 'stepId',
  'already-signed-off': 'stepId',
  'already-achieved': 'stepId',
  'sign-off-not-allowed': 'stepId',
  'lab-only': 'basis',
  'effective-in-future': 'effectiveAt',
};

/**
 * Signs a ladder step off, in two steps: the request, then a confirmation that says what will be recorded (a
 * sign-off cannot be undone). The server's refusals come back onto the request's fields.
 */
export function SignOffForm(props: {
  trainerId: string;
  trainerName: string;
  modules: LadderState[];
  preset?: { moduleId: string; stepId: string };
  onDone: (moduleId: string) => void;
  onCancel: () => void;
}) {
  const { t, text, locale } = useI18n();
  const tx = useTexts();
  const api = useApi();
  const announce = useAnnounce();
  const { moduleTitle } = useCatalog();
  const [moduleId, setModuleId] = useState(props.preset?.moduleId ?? props.modules[0]?.moduleId ?? '');
  const [stepId, setStepId] = useState(props.preset?.stepId ?? '');
  const [basis, setBasis] = useState<Basis>('criteria');
  const [effectiveAt, setEffectiveAt] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  const steps = props.modules.find((m) => m.moduleId === moduleId)?.steps ?? [];
  const step = steps.find((s) => s.id === stepId);
  const stepTitle = step ? text(step.title, step.id) : stepId;

  const review = (e: Event) => {
    e.preventDefault();
    const local: FormErrors = {};
    if (!moduleId) local['moduleId'] = tx.required;
    if (!stepId) local['stepId'] = tx.required;
    if (basis === 'recognition' && effectiveAt && effectiveAt > parisToday())
      local['effectiveAt'] = tx.apiErrors('effective-in-future') ?? tx.required;
    setErrors(local);
    if (Object.keys(local).length > 0) return focusFirstError(P, local, FIELDS);
    setConfirming(true);
  };

  const backToForm = (errs: FormErrors = {}) => {
    setConfirming(false);
    setErrors(errs);
    if (Object.keys(errs).some((k) => k !== 'form')) focusFirstError(P, errs, FIELDS);
    else setTimeout(() => document.getElementById(`${P}-review`)?.focus(), 0);
  };

  const confirm = async () => {
    const body: Body<'trainer-sign-offs-create'> = {
      moduleId,
      stepId,
      recognition: basis === 'recognition',
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(basis === 'recognition' && effectiveAt ? { effectiveAt: parisInstant(effectiveAt) } : {}),
    };
    setBusy(true);
    try {
      await must(api.POST('/trainers/{id}/sign-offs', { params: { path: { id: props.trainerId } }, body }));
      announce(tx.signedOffDone(stepTitle, moduleTitle(moduleId)));
      props.onDone(moduleId);
    } catch (err) {
      const errs = formErrors(err, t, FIELD_OF_CODE, tx.apiErrors);
      // A 400 on the body names `recognition`: the form calls it the basis.
      if (errs['recognition'] && !errs['basis']) errs['basis'] = errs['recognition'];
      backToForm(errs);
    } finally {
      setBusy(false);
    }
  };

  if (props.modules.length === 0)
    return (
      <>
        <p>{tx.noModuleForSignOff}</p>
        <button type="button" class="btn btn-tertiary" onClick={props.onCancel}>
          {tx.cancel}
        </button>
      </>
    );

  if (confirming)
    return (
      <div class="confirm-box" data-testid="sign-off-confirm">
        <h4 id={`${P}-confirm-heading`} ref={confirmHeading} tabIndex={-1}>
          {tx.confirmHeading}
        </h4>
        <p>{tx.confirmText(stepTitle, moduleTitle(moduleId), props.trainerName)}</p>
        <p>{tx.confirmBasis(basis === 'recognition' ? tx.basisRecognition : tx.basisCriteria)}</p>
        {basis === 'recognition' && effectiveAt && <p>{tx.confirmDate(formatDate(effectiveAt, locale))}</p>}
        {note.trim() && <p>{tx.confirmNote(note.trim())}</p>}
        <div class="form-actions">
          <button type="button" class="btn btn-primary" disabled={busy} onClick={confirm}>
            {tx.confirm}
          </button>
          <button type="button" class="btn btn-tertiary" disabled={busy} onClick={() => backToForm()}>
            {tx.backToForm}
          </button>
        </div>
      </div>
    );

  return (
    <form onSubmit={review} noValidate data-testid="sign-off-form">
      <p>{tx.signOffIntro}</p>
      <Field id={`${P}-moduleId`} label={tx.module} error={errors['moduleId']} required>
        {(c) => (
          <select
            {...c}
            value={moduleId}
            onChange={(e) => {
              setModuleId(e.currentTarget.value);
              setStepId('');
            }}
          >
            {props.modules.map((m) => (
              <option key={m.moduleId} value={m.moduleId}>
                {moduleTitle(m.moduleId)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${P}-stepId`} label={tx.step} error={errors['stepId']} required>
        {(c) => (
          <select {...c} value={stepId} onChange={(e) => setStepId(e.currentTarget.value)}>
            <option value="">{tx.chooseStep}</option>
            {steps.map((s) => (
              <option key={s.id} value={s.id}>
                {text(s.title, s.id)} ({stepStatusLabel(t, s.status)})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${P}-basis`} label={tx.basis} error={errors['basis']} required>
        {(c) => (
          <select {...c} value={basis} onChange={(e) => setBasis(e.currentTarget.value as Basis)}>
            <option value="criteria">{tx.basisCriteria}</option>
            <option value="recognition">{tx.basisRecognition}</option>
          </select>
        )}
      </Field>
      {basis === 'recognition' && (
        <Field
          id={`${P}-effectiveAt`}
          label={tx.effectiveAt}
          hint={tx.effectiveHint}
          error={errors['effectiveAt']}
        >
          {(c) => (
            <input
              {...c}
              type="date"
              max={parisToday()}
              value={effectiveAt}
              onInput={(e) => setEffectiveAt(e.currentTarget.value)}
            />
          )}
        </Field>
      )}
      <Field id={`${P}-note`} label={tx.note} hint={tx.noteHint} error={errors['note']}>
        {(c) => (
          <textarea
            {...c}
            rows={3}
            maxLength={1000}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        )}
      </Field>
      <FormAlert message={errors.form} />
      <div class="form-actions">
        <button type="submit" id={`${P}-review`} class="btn btn-primary">
          {tx.review}
        </button>
        <button type="button" class="btn btn-tertiary" onClick={props.onCancel}>
          {tx.cancel}
        </button>
      </div>
    </form>
  );
}
