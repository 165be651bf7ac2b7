import { useState } from 'preact/hooks';
import { useNames } from '../../../hooks/use-names.ts';
import type { CompetencyEntity, Level } from './catalog-types.ts';
import { blankText, FormFooter, type FormProps, IdInput, LocalizedInputs } from './form-bits.tsx';
import { useTexts } from './texts.ts';

const LEVELS: Level[] = ['discover', 'practise', 'master', 'can-teach'];

const blankCompetency = (): CompetencyEntity => ({
  id: '',
  title: blankText(),
  description: blankText(),
  levels: { discover: blankText(), practise: blankText(), master: blankText(), 'can-teach': blankText() },
});

const toEntity = (d: CompetencyEntity): CompetencyEntity => ({
  id: d.id,
  title: d.title,
  description: d.description,
  levels: d.levels,
});

/** A competency: title, description, and what each of the four levels means. */
export function CompetencyForm(props: FormProps<'competencies'>) {
  const tx = useTexts();
  const { levelName } = useNames();
  const creating = props.initial === undefined;
  const [d, setD] = useState<CompetencyEntity>(() => props.initial ?? blankCompetency());
  const set = (patch: Partial<CompetencyEntity>) => setD({ ...d, ...patch });
  const e = props.errors;
  return (
    <form
      class="lab-cat-form"
      data-testid="competency-form"
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        props.onSubmit(toEntity(d));
      }}
    >
      <IdInput
        id="competency-id"
        creating={creating}
        value={d.id}
        onInput={(id) => set({ id })}
        error={e['id']}
      />
      <LocalizedInputs
        id="competency-title"
        name="title"
        label={tx.titleField}
        value={d.title}
        onChange={(title) => set({ title })}
        errors={e}
      />
      <LocalizedInputs
        id="competency-description"
        name="description"
        label={tx.description}
        value={d.description}
        onChange={(description) => set({ description })}
        errors={e}
        multiline
      />
      <fieldset class="lab-cat-rows" aria-describedby={e['levels'] ? 'competency-levels-error' : undefined}>
        <legend>{tx.levels}</legend>
        {e['levels'] && (
          <p class="field-error" id="competency-levels-error">
            {e['levels']}
          </p>
        )}
        {LEVELS.map((l) => (
          <LocalizedInputs
            key={l}
            id={`competency-level-${l}`}
            name={`levels.${l}`}
            label={levelName(l)}
            value={d.levels[l]}
            onChange={(v) => set({ levels: { ...d.levels, [l]: v } })}
            errors={e}
            multiline
          />
        ))}
      </fieldset>
      <FormFooter creating={creating} busy={props.busy} error={e.form} notice={props.notice} />
    </form>
  );
}
