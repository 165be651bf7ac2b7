import { useState } from 'preact/hooks';
import { must, useApi } from '../../../api/client.ts';
import type { CatalogService, PersonView } from '../../../api/types.ts';
import { useAnnounce } from '../../../components/announcer.tsx';
import type { FormErrors } from '../../../components/form-errors.ts';
import { Field, FormAlert } from '../../../components/form-field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { focusFirstError } from '../trainers/focus-error.ts';
import { PersonStaleNotice, personFormErrors, type StaleDetails, staleOf } from './person-errors.tsx';
import { ServiceCell } from './service-cell.tsx';
import { useTexts } from './texts.ts';

const FIELDS = ['service'] as const;

/**
 * The person's service: what it is now (and where it came from: their SIRET at a ProConnect sign-in, or the lab),
 * and the lab's choice among the live services, sent with the version loaded.
 */
export function ServiceAssignForm(props: {
  person: PersonView;
  services: CatalogService[];
  serviceName: (id: string) => string;
  onSaved: (p: PersonView) => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const tx = useTexts();
  const api = useApi();
  const announce = useAnnounce();
  const p = props.person;
  const [service, setService] = useState(p.service ?? '');
  const [errors, setErrors] = useState<FormErrors>({});
  const [stale, setStale] = useState<StaleDetails>();
  const [busy, setBusy] = useState(false);
  const live = props.services.filter((s) => !s.archived);

  const submit = async (ev: Event) => {
    ev.preventDefault();
    setStale(undefined);
    if (!service) {
      const local = { service: tx.serviceRequired };
      setErrors(local);
      return focusFirstError('person', local, FIELDS);
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = await must(
        api.PUT('/people/{id}/service', {
          params: { path: { id: p.userId } },
          body: { service, version: p.version },
        }),
      );
      announce(tx.serviceSaved(saved.displayName || saved.userId));
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

  return (
    <form onSubmit={submit} noValidate data-testid="service-form">
      <dl class="facts">
        <div>
          <dt>{tx.currentService}</dt>
          <dd>
            <ServiceCell person={p} serviceName={props.serviceName} tx={tx} />
            {p.service && p.serviceSource && <span class="hint"> ({tx.serviceSource(p.serviceSource)})</span>}
          </dd>
        </div>
      </dl>
      <Field
        id="person-service"
        label={tx.serviceSelect}
        hint={tx.serviceHint}
        error={errors['service']}
        required
      >
        {(c) => (
          <select {...c} required value={service} onChange={(e) => setService(e.currentTarget.value)}>
            <option value="">{tx.chooseService}</option>
            {/* A service archived since it was assigned stays shown, so the select says what is stored. */}
            {p.service && !live.some((s) => s.id === p.service) && (
              <option value={p.service}>{tx.archivedService(props.serviceName(p.service))}</option>
            )}
            {live.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormAlert message={errors.form} />
      {stale && <PersonStaleNotice details={stale} onReload={props.onReload} />}
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy} aria-busy={busy}>
          {tx.saveService}
        </button>
      </div>
    </form>
  );
}
