import { useState } from 'preact/hooks';
import { must, useApi } from '../../../api/client.ts';
import type { Body, Trainer } from '../../../api/types.ts';
import { useAnnounce } from '../../../components/announcer.tsx';
import { type FormErrors, formErrors } from '../../../components/form-errors.ts';
import { Field, FormAlert } from '../../../components/form-field.tsx';
import { useCatalog } from '../../../hooks/use-catalog.ts';
import { useNames } from '../../../hooks/use-names.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { focusFirstError } from './focus-error.ts';
import { useTexts } from './texts.ts';

type Kind = Trainer['kind'];
const ID_PATTERN = /^[A-Za-z0-9_.@-]+$/;
/** The form's fields, in screen order (the first one in error takes focus). */
const FIELDS = ['id', 'name', 'email', 'phone', 'kind', 'homeServiceId', 'organisation', 'modules', 'active'];

/** Server codes that concern one field (the rest shows above the buttons). */
const FIELD_OF_CODE: Record<string, string> = {
  'unknown-module': 'modules',
  'unknown-service': 'homeServiceId',
};

/**
 * Creates (no `initial`) or edits a registry entry with PUT /trainers/{id}. On creation the id is typed and checked
 * against the registry first: a PUT on an existing id would silently replace that person's entry.
 */
export function TrainerForm(props: {
  initial?: Trainer;
  existingIds?: readonly string[];
  onSaved: (trainer: Trainer) => void;
  onCancel: () => void;
}) {
  const { t, text } = useI18n();
  const tx = useTexts();
  const api = useApi();
  const announce = useAnnounce();
  const { catalog } = useCatalog();
  const { serviceIds, serviceName } = useNames();
  const init = props.initial;
  const [id, setId] = useState(init?.id ?? '');
  const [name, setName] = useState(init?.name ?? '');
  const [email, setEmail] = useState(init?.email ?? '');
  const [phone, setPhone] = useState(init?.phone ?? '');
  const [kind, setKind] = useState<Kind>(init?.kind ?? 'internal');
  const [homeServiceId, setHomeServiceId] = useState(init?.homeServiceId ?? '');
  const [organisation, setOrganisation] = useState(init?.organisation ?? '');
  const [modules, setModules] = useState<string[]>(init?.modules ?? []);
  const [active, setActive] = useState(init?.active ?? true);
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const p = init ? 'edit-trainer' : 'new-trainer';

  const check = (): FormErrors => {
    const e: FormErrors = {};
    const trimmedId = id.trim();
    if (!init) {
      if (!trimmedId) e['id'] = tx.required;
      else if (!ID_PATTERN.test(trimmedId)) e['id'] = tx.idInvalid;
      else if (props.existingIds?.includes(trimmedId)) e['id'] = tx.idTaken;
    }
    if (!name.trim()) e['name'] = tx.required;
    if (kind === 'internal' && !homeServiceId) e['homeServiceId'] = tx.required;
    if (kind === 'external' && !organisation.trim()) e['organisation'] = tx.required;
    return e;
  };

  const submit = async (ev: Event) => {
    ev.preventDefault();
    const local = check();
    setErrors(local);
    if (Object.keys(local).length > 0) return focusFirstError(p, local, FIELDS);
    const body: Body<'trainers-put'> = {
      name: name.trim(),
      kind,
      modules,
      active,
      ...(email.trim() ? { email: email.trim() } : {}),
      ...(phone.trim() ? { phone: phone.trim() } : {}),
      ...(kind === 'internal' ? { homeServiceId } : { organisation: organisation.trim() }),
      ...(init ? { expectedVersion: init.version } : {}),
    };
    setBusy(true);
    try {
      const saved = await must(
        api.PUT('/trainers/{id}', { params: { path: { id: init?.id ?? id.trim() } }, body }),
      );
      announce(init ? tx.saved(saved.name) : tx.created(saved.name));
      props.onSaved(saved);
    } catch (err) {
      const e = formErrors(err, t, FIELD_OF_CODE, tx.apiErrors);
      setErrors(e);
      focusFirstError(p, e, FIELDS);
    } finally {
      setBusy(false);
    }
  };

  const toggleModule = (m: string, on: boolean) =>
    setModules(on ? [...modules, m] : modules.filter((x) => x !== m));

  return (
    <form onSubmit={submit} noValidate data-testid="trainer-form">
      {!init && (
        <Field id={`${p}-id`} label={tx.id} hint={tx.idHint} error={errors['id']} required>
          {(c) => (
            <input
              {...c}
              type="text"
              autoComplete="off"
              required
              value={id}
              onInput={(e) => setId(e.currentTarget.value)}
            />
          )}
        </Field>
      )}
      <Field id={`${p}-name`} label={tx.name} error={errors['name']} required>
        {(c) => (
          <input
            {...c}
            type="text"
            autoComplete="off"
            required
            maxLength={200}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id={`${p}-email`} label={tx.email} error={errors['email']}>
        {(c) => (
          <input
            {...c}
            type="email"
            autoComplete="off"
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id={`${p}-phone`} label={tx.phone} error={errors['phone']}>
        {(c) => (
          <input
            {...c}
            type="text"
            inputMode="tel"
            autoComplete="off"
            value={phone}
            onInput={(e) => setPhone(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field
        id={`${p}-kind`}
        label={tx.kind}
        hint={init ? tx.kindHint : undefined}
        error={errors['kind']}
        required
      >
        {(c) => (
          <select {...c} value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
            <option value="internal">{tx.internal}</option>
            <option value="external">{tx.external}</option>
          </select>
        )}
      </Field>
      {kind === 'internal' ? (
        <Field id={`${p}-homeServiceId`} label={tx.homeService} error={errors['homeServiceId']} required>
          {(c) => (
            <select {...c} value={homeServiceId} onChange={(e) => setHomeServiceId(e.currentTarget.value)}>
              <option value="">{tx.chooseService}</option>
              {serviceIds.map((s) => (
                <option key={s} value={s}>
                  {serviceName(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <Field id={`${p}-organisation`} label={tx.organisation} error={errors['organisation']} required>
          {(c) => (
            <input
              {...c}
              type="text"
              autoComplete="off"
              maxLength={200}
              value={organisation}
              onInput={(e) => setOrganisation(e.currentTarget.value)}
            />
          )}
        </Field>
      )}
      {/* A group of checkboxes: a fieldset names it (a Field labels one control only). */}
      <fieldset
        id={`${p}-modules`}
        tabIndex={-1}
        class={errors['modules'] ? 'field field-invalid' : 'field'}
        aria-describedby={`${p}-modules-hint${errors['modules'] ? ` ${p}-modules-error` : ''}`}
      >
        <legend>{tx.modulesLegend}</legend>
        <p class="field-hint" id={`${p}-modules-hint`}>
          {tx.modulesHint}
        </p>
        <div class="trainer-modules">
          {catalog?.modules.map((m) => (
            <span class="checkbox" key={m.id}>
              <input
                type="checkbox"
                id={`${p}-module-${m.id}`}
                checked={modules.includes(m.id)}
                onChange={(e) => toggleModule(m.id, e.currentTarget.checked)}
              />
              <label for={`${p}-module-${m.id}`}>{text(m.title, m.id)}</label>
            </span>
          ))}
        </div>
        {errors['modules'] && (
          <p class="field-error" id={`${p}-modules-error`}>
            {errors['modules']}
          </p>
        )}
      </fieldset>
      <Field id={`${p}-active`} label={tx.status} error={errors['active']}>
        {(c) => (
          <select
            {...c}
            value={active ? 'yes' : 'no'}
            onChange={(e) => setActive(e.currentTarget.value === 'yes')}
          >
            <option value="yes">{tx.active}</option>
            <option value="no">{tx.inactive}</option>
          </select>
        )}
      </Field>
      <FormAlert message={errors.form} />
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? tx.saving : tx.save}
        </button>
        <button type="button" class="btn btn-tertiary" onClick={props.onCancel}>
          {tx.cancel}
        </button>
      </div>
    </form>
  );
}
