import { useState } from 'preact/hooks';
import { must, useApi } from '../../../api/client.ts';
import type { Answer, Body } from '../../../api/types.ts';
import { type FormErrors, formErrors } from '../../../components/form-errors.ts';
import { Field, FormAlert } from '../../../components/form-field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { focusFirstError } from '../trainers/focus-error.ts';
import { parisInstant, parisToday } from './paris-time.ts';
import { useTexts } from './texts.ts';

type Scope = NonNullable<Body<'lrs-clients-create'>['scopes']>[number];
export type ClientWithSecret = Answer<'lrs-clients-create'>;

/** The scopes the API accepts (Communication 4.2), in the order the form lists them. */
const SCOPES: Scope[] = [
  'statements/write',
  'statements/read/mine',
  'statements/read',
  'state',
  'profile',
  'define',
  'all/read',
  'all',
];
const P = 'lrs-new';
const FIELDS = ['name', 'scopes', 'validUntil'];

/** Creates LRS credentials; the answer (with its one-time secret) goes straight to the parent's secret panel. */
export function LrsClientForm(props: { onCreated: (c: ClientWithSecret) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const tx = useTexts();
  const api = useApi();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>([]);
  const [validUntil, setValidUntil] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const local: FormErrors = {};
    if (!name.trim()) local['name'] = tx.required;
    if (validUntil && validUntil < parisToday()) local['validUntil'] = tx.validUntilPast;
    setErrors(local);
    if (Object.keys(local).length > 0) return focusFirstError(P, local, FIELDS);
    const body: Body<'lrs-clients-create'> = {
      name: name.trim(),
      ...(scopes.length ? { scopes } : {}),
      // The end of the chosen day in Paris: "valid until the 31st" includes the 31st.
      ...(validUntil ? { validUntil: parisInstant(validUntil, '23:59:59') } : {}),
    };
    setBusy(true);
    try {
      props.onCreated(await must(api.POST('/lrs/clients', { body })));
    } catch (err) {
      const errs = formErrors(err, t, { 'valid-until-past': 'validUntil' }, tx.apiErrors);
      setErrors(errs);
      focusFirstError(P, errs, FIELDS);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (s: Scope, on: boolean) => setScopes(on ? [...scopes, s] : scopes.filter((x) => x !== s));

  return (
    <form onSubmit={submit} noValidate data-testid="lrs-client-form">
      <Field id={`${P}-name`} label={tx.clientName} hint={tx.nameHint} error={errors['name']} required>
        {(c) => (
          <input
            {...c}
            type="text"
            autoComplete="off"
            required
            maxLength={120}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        )}
      </Field>
      {/* A group of checkboxes: a fieldset names it (a Field labels one control only). */}
      <fieldset
        id={`${P}-scopes`}
        tabIndex={-1}
        class={errors['scopes'] ? 'field field-invalid' : 'field'}
        aria-describedby={`${P}-scopes-hint${errors['scopes'] ? ` ${P}-scopes-error` : ''}`}
      >
        <legend>{tx.scopesLegend}</legend>
        <p class="field-hint" id={`${P}-scopes-hint`}>
          {tx.scopesHint}
        </p>
        <div class="ops-checkboxes">
          {SCOPES.map((s) => (
            <span class="checkbox" key={s}>
              <input
                type="checkbox"
                id={`${P}-scope-${s.replaceAll('/', '-')}`}
                checked={scopes.includes(s)}
                onChange={(e) => toggle(s, e.currentTarget.checked)}
              />
              <label for={`${P}-scope-${s.replaceAll('/', '-')}`}>
                {tx.scopeNames[s] ?? s} <code>{s}</code>
              </label>
            </span>
          ))}
        </div>
        {errors['scopes'] && (
          <p class="field-error" id={`${P}-scopes-error`}>
            {errors['scopes']}
          </p>
        )}
      </fieldset>
      <Field
        id={`${P}-validUntil`}
        label={tx.validUntil}
        hint={tx.validUntilHint}
        error={errors['validUntil']}
      >
        {(c) => (
          <input
            {...c}
            type="date"
            min={parisToday()}
            value={validUntil}
            onInput={(e) => setValidUntil(e.currentTarget.value)}
          />
        )}
      </Field>
      <FormAlert message={errors.form} />
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? tx.creating : tx.create}
        </button>
        <button type="button" class="btn btn-tertiary" onClick={props.onCancel}>
          {tx.cancel}
        </button>
      </div>
    </form>
  );
}
