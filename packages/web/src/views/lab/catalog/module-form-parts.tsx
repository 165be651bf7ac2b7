import type { FormErrors } from '../../../components/form-errors.ts';
import { Field } from '../../../components/form-field.tsx';
import { useNames } from '../../../hooks/use-names.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Level, ModuleEntity } from './catalog-types.ts';
import { blankText, LocalizedInputs, TextInput } from './form-bits.tsx';
import { Rows } from './rows.tsx';
import { useTexts } from './texts.ts';
import { optionsOf, useKindList } from './use-kind-list.ts';

const LEVELS: Level[] = ['discover', 'practise', 'master', 'can-teach'];
const levelOf = (v: string): Level => LEVELS.find((l) => l === v) ?? 'discover';
type Grant = ModuleEntity['competencies'][number];
type Sheet = NonNullable<ModuleEntity['practiceSheets']>[number];

export function ObjectiveRows(props: {
  value: ModuleEntity['objectives'];
  onChange: (v: ModuleEntity['objectives']) => void;
  errors: FormErrors;
}) {
  const tx = useTexts();
  return (
    <Rows
      id="module-objectives"
      legend={tx.objectives}
      items={props.value}
      onChange={props.onChange}
      blank={blankText}
      itemLabel={tx.objective}
      addLabel={tx.addObjective}
      error={props.errors['objectives']}
      min={1}
      render={(o, set, i) => (
        <LocalizedInputs
          id={`module-objective-${i}`}
          name={`objectives.${i}`}
          label={tx.objective(i + 1)}
          value={o}
          onChange={set}
          errors={props.errors}
        />
      )}
    />
  );
}

/** Competencies granted: a competency (in service, or already granted) and the level reached. */
export function GrantRows(props: { value: Grant[]; onChange: (v: Grant[]) => void; errors: FormErrors }) {
  const tx = useTexts();
  const { text } = useI18n();
  const { levelName } = useNames();
  const competencies = useKindList('competencies');
  const options = optionsOf(
    competencies,
    props.value.map((g) => g.competencyId),
    (c) => text(c.title),
  );
  return (
    <Rows<Grant>
      id="module-competencies"
      legend={tx.competencies}
      items={props.value}
      onChange={props.onChange}
      blank={() => ({ competencyId: '', level: 'discover' })}
      itemLabel={tx.competency}
      addLabel={tx.addCompetency}
      error={props.errors['competencies']}
      min={1}
      render={(g, set, i) => (
        <div class="lab-cat-pair">
          <Field
            id={`module-competency-${i}`}
            label={tx.competency(i + 1)}
            error={props.errors[`competencies.${i}.competencyId`]}
            required
          >
            {(c) => (
              <select
                {...c}
                value={g.competencyId}
                onChange={(e) => set({ ...g, competencyId: e.currentTarget.value })}
              >
                <option value="">{tx.choose}</option>
                {options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id={`module-competency-${i}-level`}
            label={`${tx.level} (${tx.competency(i + 1)})`}
            error={props.errors[`competencies.${i}.level`]}
            required
          >
            {(c) => (
              <select
                {...c}
                value={g.level}
                onChange={(e) => set({ ...g, level: levelOf(e.currentTarget.value) })}
              >
                {LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {levelName(l)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      )}
    />
  );
}

export function SheetRows(props: { value: Sheet[]; onChange: (v: Sheet[]) => void; errors: FormErrors }) {
  const tx = useTexts();
  return (
    <Rows<Sheet>
      id="module-sheets"
      legend={tx.practiceSheets}
      items={props.value}
      onChange={props.onChange}
      blank={() => ({ id: '', title: blankText(), summary: blankText() })}
      itemLabel={tx.sheet}
      addLabel={tx.addSheet}
      error={props.errors['practiceSheets']}
      render={(s, set, i) => (
        <>
          <TextInput
            id={`module-sheet-${i}-id`}
            label={`${tx.id} (${tx.sheet(i + 1)})`}
            hint={tx.idHint}
            value={s.id}
            onInput={(id) => set({ ...s, id: id.trim() })}
            error={props.errors[`practiceSheets.${i}.id`]}
            required
          />
          <LocalizedInputs
            id={`module-sheet-${i}-title`}
            name={`practiceSheets.${i}.title`}
            label={`${tx.titleField} (${tx.sheet(i + 1)})`}
            value={s.title}
            onChange={(title) => set({ ...s, title })}
            errors={props.errors}
          />
          <LocalizedInputs
            id={`module-sheet-${i}-summary`}
            name={`practiceSheets.${i}.summary`}
            label={`${tx.summary} (${tx.sheet(i + 1)})`}
            value={s.summary}
            onChange={(summary) => set({ ...s, summary })}
            errors={props.errors}
            multiline
          />
        </>
      )}
    />
  );
}
