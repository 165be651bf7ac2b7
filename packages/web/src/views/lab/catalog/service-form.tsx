import { useState } from 'preact/hooks';
import type { ServiceEntity } from './catalog-types.ts';
import { blankText, FormFooter, type FormProps, IdInput, LocalizedInputs, TextInput } from './form-bits.tsx';
import { useTexts } from './texts.ts';

const blankService = (): ServiceEntity => ({ id: '', name: '', description: blankText() });
const toEntity = (d: ServiceEntity): ServiceEntity => ({
  id: d.id,
  name: d.name,
  description: d.description,
});

/** A service of the organisation: its name and description (services are archived, never deleted). */
export function ServiceForm(props: FormProps<'services'>) {
  const tx = useTexts();
  const creating = props.initial === undefined;
  const [d, setD] = useState<ServiceEntity>(() => props.initial ?? blankService());
  const set = (patch: Partial<ServiceEntity>) => setD({ ...d, ...patch });
  const e = props.errors;
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
      <FormFooter creating={creating} busy={props.busy} error={e.form} notice={props.notice} />
    </form>
  );
}
