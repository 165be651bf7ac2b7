import { useEffect, useState } from 'preact/hooks';
import type { CatalogService } from '../../../api/types.ts';
import { type PeopleFilters, ROLES } from './people-query.ts';
import { useTexts } from './texts.ts';

type Chosen = Pick<PeopleFilters, 'q' | 'role' | 'service'>;
const NONE: Chosen = { q: '', role: '', service: '' };

/** Name or e-mail, role and service, applied with a button (the table does not change while typing). */
export function PeopleFiltersForm(props: {
  value: PeopleFilters;
  services: CatalogService[];
  onApply: (f: Chosen) => void;
}) {
  const tx = useTexts();
  const { q, role, service } = props.value;
  const [chosen, setChosen] = useState<Chosen>({ q, role, service });
  // The address may change under the form (Back, a link): show what is applied.
  useEffect(() => setChosen({ q, role, service }), [q, role, service]);
  return (
    <form
      class="filters"
      aria-label={tx.filtersLabel}
      onSubmit={(e) => {
        e.preventDefault();
        props.onApply(chosen);
      }}
    >
      <div class="field">
        <label for="people-q">{tx.search}</label>
        <p class="field-hint" id="people-q-hint">
          {tx.searchHint}
        </p>
        <input
          id="people-q"
          type="search"
          maxLength={100}
          aria-describedby="people-q-hint"
          value={chosen.q}
          onInput={(e) => setChosen({ ...chosen, q: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for="people-role">{tx.role}</label>
        <select
          id="people-role"
          value={chosen.role}
          onChange={(e) =>
            setChosen({ ...chosen, role: ROLES.find((r) => r === e.currentTarget.value) ?? '' })
          }
        >
          <option value="">{tx.allRoles}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tx.roleName(r)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="people-service">{tx.service}</label>
        <select
          id="people-service"
          value={chosen.service}
          onChange={(e) => setChosen({ ...chosen, service: e.currentTarget.value })}
        >
          <option value="">{tx.allServices}</option>
          {props.services.map((s) => (
            <option key={s.id} value={s.id}>
              {s.archived ? tx.archivedService(s.name) : s.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="btn btn-primary">
        {tx.applyFilters}
      </button>
      <button
        type="button"
        class="btn btn-tertiary"
        onClick={() => {
          setChosen(NONE);
          props.onApply(NONE);
        }}
      >
        {tx.resetFilters}
      </button>
    </form>
  );
}
