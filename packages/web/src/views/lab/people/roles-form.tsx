import { useState } from 'preact/hooks';
import { must, useApi } from '../../../api/client.ts';
import type { CatalogService, GrantableRole, PersonView } from '../../../api/types.ts';
import { useAnnounce } from '../../../components/announcer.tsx';
import type { FormErrors } from '../../../components/form-errors.ts';
import { FormAlert } from '../../../components/form-field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { focusFirstError } from '../trainers/focus-error.ts';
import { PersonStaleNotice, personFormErrors, type StaleDetails, staleOf } from './person-errors.tsx';
import { useTexts } from './texts.ts';

const GRANTABLE: readonly GrantableRole[] = ['trainer', 'hr', 'lab'];
/** The form's fields, in screen order (the first one in error takes focus). */
const FIELDS = ['roles', 'hrServices'] as const;

const grantedOf = (p: PersonView): GrantableRole[] => GRANTABLE.filter((r) => p.roles.includes(r));

/** One checkbox, its label alone naming it (automation finds "RH", "Lab"…). */
function Check(props: { id: string; label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <span class="checkbox">
      <input
        type="checkbox"
        id={props.id}
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label for={props.id}>{props.label}</label>
    </span>
  );
}

/**
 * The roles the lab grants (trainer, HR, lab; learner is everyone's) and, with HR, the services HR may see. Sent
 * with the version loaded: a change made meanwhile is refused (409 `stale-version`), never overwritten.
 */
export function RolesForm(props: {
  person: PersonView;
  /** Undefined while the catalogue's services load. */
  services: CatalogService[] | undefined;
  onSaved: (p: PersonView) => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const tx = useTexts();
  const api = useApi();
  const announce = useAnnounce();
  const p = props.person;
  const [roles, setRoles] = useState<GrantableRole[]>(() => grantedOf(p));
  const [hrServices, setHrServices] = useState<string[]>(() => p.hrServices);
  const [errors, setErrors] = useState<FormErrors>({});
  const [stale, setStale] = useState<StaleDetails>();
  const [busy, setBusy] = useState(false);
  const hr = roles.includes('hr');
  // Live services, and any archived one still chosen (unticking it is the lab's call, not the form's).
  const choices = (props.services ?? []).filter((s) => !s.archived || hrServices.includes(s.id));

  const toggleRole = (r: GrantableRole, on: boolean) =>
    setRoles(on ? GRANTABLE.filter((x) => x === r || roles.includes(x)) : roles.filter((x) => x !== r));
  const toggleService = (s: string, on: boolean) =>
    setHrServices(on ? [...hrServices, s] : hrServices.filter((x) => x !== s));

  const submit = async (ev: Event) => {
    ev.preventDefault();
    setErrors({});
    setStale(undefined);
    setBusy(true);
    try {
      const saved = await must(
        api.PUT('/people/{id}/roles', {
          params: { path: { id: p.userId } },
          body: { roles, hrServices: hr ? hrServices : [], version: p.version },
        }),
      );
      announce(tx.rolesSaved(saved.displayName || saved.userId));
      props.onSaved(saved);
    } catch (err) {
      const s = staleOf(err);
      if (s) return setStale(s);
      const e = personFormErrors(err, t, tx, FIELDS);
      setErrors(e);
      focusFirstError('person', e, FIELDS);
    } finally {
      setBusy(false);
    }
  };

  const describedBy = (id: string, hint: string) => `${hint}${errors[id] ? ` person-${id}-error` : ''}`;
  return (
    <form onSubmit={submit} noValidate data-testid="roles-form">
      <fieldset
        id="person-roles"
        tabIndex={-1}
        class={errors['roles'] ? 'field field-invalid' : 'field'}
        aria-describedby={describedBy('roles', 'person-roles-hint')}
      >
        <legend>{tx.rolesLegend}</legend>
        <p class="field-hint" id="person-roles-hint">
          {tx.rolesHint}
        </p>
        <div class="people-checks">
          {GRANTABLE.map((r) => (
            <Check
              key={r}
              id={`person-role-${r}`}
              label={tx.roleName(r)}
              checked={roles.includes(r)}
              onChange={(on) => toggleRole(r, on)}
            />
          ))}
        </div>
        {errors['roles'] && (
          <p class="field-error" id="person-roles-error">
            {errors['roles']}
          </p>
        )}
      </fieldset>
      {(hr || errors['hrServices']) && (
        <fieldset
          id="person-hrServices"
          tabIndex={-1}
          class={errors['hrServices'] ? 'field field-invalid' : 'field'}
          aria-describedby={describedBy('hrServices', 'person-hrServices-hint')}
        >
          <legend>{tx.hrServicesLegend}</legend>
          <p class="field-hint" id="person-hrServices-hint">
            {tx.hrServicesHint}
          </p>
          {props.services === undefined ? (
            <p class="loading">{t.loading}</p>
          ) : (
            choices.length === 0 && <p>{tx.noServices}</p>
          )}
          <div class="people-checks">
            {choices.map((s) => (
              <Check
                key={s.id}
                id={`person-hr-service-${s.id}`}
                label={s.archived ? tx.archivedService(s.name) : s.name}
                checked={hrServices.includes(s.id)}
                onChange={(on) => toggleService(s.id, on)}
              />
            ))}
          </div>
          {errors['hrServices'] && (
            <p class="field-error" id="person-hrServices-error">
              {errors['hrServices']}
            </p>
          )}
        </fieldset>
      )}
      <p class="notice notice-info" id="person-roles-note">
        {tx.rolesNote}
      </p>
      <FormAlert message={errors.form} />
      {stale && <PersonStaleNotice details={stale} onReload={props.onReload} />}
      <div class="form-actions">
        <button
          type="submit"
          class="btn btn-primary"
          disabled={busy}
          aria-busy={busy}
          aria-describedby="person-roles-note"
        >
          {tx.saveRoles}
        </button>
      </div>
    </form>
  );
}
