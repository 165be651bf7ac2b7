import { useState } from 'preact/hooks';
import type { ServiceEntity } from './catalog-types.ts';
import { blankText, FormFooter, type FormProps, IdInput, LocalizedInputs, TextInput } from './form-bits.tsx';
import { Rows } from './rows.tsx';
import { useTexts } from './texts.ts';

type Identifier = NonNullable<ServiceEntity['identifiers']>[number];

const blankService = (): ServiceEntity => ({ id: '', name: '', description: blankText(), identifiers: [] });

/** A SIRET as typed ("123 456 789 00012") sent as its 14 digits; an empty unit is no unit. */
export function cleanIdentifier(i: Identifier): Identifier {
  const unit = i.organizationalUnit?.trim();
  return { siret: i.siret.replace(/\s/g, ''), ...(unit ? { organizationalUnit: unit } : {}) };
}

const toEntity = (d: ServiceEntity): ServiceEntity => ({
  id: d.id,
  name: d.name,
  description: d.description,
  identifiers: (d.identifiers ?? []).map(cleanIdentifier),
});

/**
 * A service of the organisation: its name, description, and the ProConnect identifiers (SIRET, optional unit) that
 * assign it to agents at their first sign-in. Services are archived, never deleted.
 */
export function ServiceForm(props: FormProps<'services'>) {
  const tx = useTexts();
  const creating = props.initial === undefined;
  const [d, setD] = useState<ServiceEntity>(() => props.initial ?? blankService());
  const set = (patch: Partial<ServiceEntity>) => setD({ ...d, ...patch });
  const e = props.errors;
  // An issue on one row marks that row's input; the group shows only what concerns the list as a whole.
  const rowIssue = Object.keys(e).some((k) => k.startsWith('identifiers.'));
  return (
    <form
      class="lab-cat-form"
      data-testid="service-form"
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        props.onSubmit(toEntity(d));
      }}
    >
      <IdInput
        id="service-id"
        creating={creating}
        value={d.id}
        onInput={(id) => set({ id })}
        error={e['id']}
      />
      <TextInput
        id="service-name"
        label={tx.name}
        value={d.name}
        onInput={(name) => set({ name })}
        error={e['name']}
        required
      />
      <LocalizedInputs
        id="service-description"
        name="description"
        label={tx.description}
        value={d.description}
        onChange={(description) => set({ description })}
        errors={e}
        multiline
      />
      <Rows<Identifier>
        id="service-identifiers"
        legend={tx.identifiers}
        hint={tx.identifiersHint}
        items={d.identifiers ?? []}
        onChange={(identifiers) => set({ identifiers })}
        blank={() => ({ siret: '' })}
        itemLabel={tx.identifier}
        addLabel={tx.addIdentifier}
        error={rowIssue ? undefined : e['identifiers']}
        render={(row, setRow, i) => (
          <div class="lab-cat-numbers">
            <TextInput
              id={`service-identifier-${i}-siret`}
              label={`${tx.siret} (${tx.identifier(i + 1)})`}
              value={row.siret}
              onInput={(siret) => setRow({ ...row, siret })}
              error={e[`identifiers.${i}.siret`] ?? e[`identifiers.${i}`]}
              required
            />
            <TextInput
              id={`service-identifier-${i}-unit`}
              label={`${tx.organizationalUnit} (${tx.identifier(i + 1)})`}
              hint={tx.organizationalUnitHint}
              value={row.organizationalUnit ?? ''}
              onInput={(organizationalUnit) => setRow({ ...row, organizationalUnit })}
              error={e[`identifiers.${i}.organizationalUnit`]}
            />
          </div>
        )}
      />
      <FormFooter creating={creating} busy={props.busy} error={e.form} notice={props.notice} />
    </form>
  );
}
