import { useState } from 'preact/hooks';
import { Field } from '../../../components/form-field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { ModuleEntity } from './catalog-types.ts';
import {
  blankText,
  CheckboxList,
  FormFooter,
  type FormProps,
  IdInput,
  LocalizedInputs,
  numberValue,
  TextInput,
  toNumber,
} from './form-bits.tsx';
import { GrantRows, ObjectiveRows, SheetRows } from './module-form-parts.tsx';
import { useTexts } from './texts.ts';
import { optionsOf, useKindList } from './use-kind-list.ts';

export const THEMES: ModuleEntity['theme'][] = [
  'collective-intelligence',
  'design',
  'creativity',
  'communication',
  'facilitation',
  'coaching',
];
const themeOf = (v: string) => THEMES.find((x) => x === v) ?? 'collective-intelligence';

/** The programme's usual format: 90 minutes, a short theory part and a long practice part. */
function blankModule(): ModuleEntity {
  return {
    id: '',
    title: blankText(),
    summary: blankText(),
    theme: 'collective-intelligence',
    durationMinutes: 90,
    theoryMinutes: 30,
    practiceMinutes: 60,
    objectives: [blankText()],
    competencies: [{ competencyId: '', level: 'discover' }],
    prerequisites: [],
    practiceSheets: [],
  };
}

/** Builds exactly the entity's fields (no metadata of the loaded item travels back). */
function toEntity(d: ModuleEntity): ModuleEntity {
  return {
    id: d.id,
    title: d.title,
    summary: d.summary,
    theme: d.theme,
    durationMinutes: d.durationMinutes,
    theoryMinutes: d.theoryMinutes,
    practiceMinutes: d.practiceMinutes,
    objectives: d.objectives,
    competencies: d.competencies,
    prerequisites: d.prerequisites,
    practiceSheets: d.practiceSheets,
  };
}

export function ModuleForm(props: FormProps<'modules'>) {
  const { text } = useI18n();
  const tx = useTexts();
  const creating = props.initial === undefined;
  const [d, setD] = useState<ModuleEntity>(() => props.initial ?? blankModule());
  const set = (patch: Partial<ModuleEntity>) => setD({ ...d, ...patch });
  const e = props.errors;
  const modules = useKindList('modules');
  const prerequisites = optionsOf(modules, d.prerequisites ?? [], (m) => text(m.title), [d.id]);

  return (
    <form
      class="lab-cat-form"
      data-testid="module-form"
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        props.onSubmit(toEntity(d));
      }}
    >
      <IdInput
        id="module-id"
        creating={creating}
        value={d.id}
        onInput={(id) => set({ id })}
        error={e['id']}
      />
      <LocalizedInputs
        id="module-title"
        name="title"
        label={tx.titleField}
        value={d.title}
        onChange={(title) => set({ title })}
        errors={e}
      />
      <LocalizedInputs
        id="module-summary"
        name="summary"
        label={tx.summary}
        value={d.summary}
        onChange={(summary) => set({ summary })}
        errors={e}
        multiline
      />
      <Field id="module-theme" label={tx.theme} error={e['theme']} required>
        {(c) => (
          <select {...c} value={d.theme} onChange={(ev) => set({ theme: themeOf(ev.currentTarget.value) })}>
            {THEMES.map((th) => (
              <option key={th} value={th}>
                {tx.themeName(th)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div class="lab-cat-numbers">
        <TextInput
          id="module-duration"
          type="number"
          min={1}
          label={tx.duration}
          value={numberValue(d.durationMinutes)}
          onInput={(v) => set({ durationMinutes: toNumber(v) })}
          error={e['durationMinutes']}
          required
        />
        <TextInput
          id="module-theory"
          type="number"
          min={0}
          label={tx.theory}
          value={numberValue(d.theoryMinutes)}
          onInput={(v) => set({ theoryMinutes: toNumber(v) })}
          error={e['theoryMinutes']}
          required
        />
        <TextInput
          id="module-practice"
          type="number"
          min={0}
          label={tx.practice}
          value={numberValue(d.practiceMinutes)}
          onInput={(v) => set({ practiceMinutes: toNumber(v) })}
          error={e['practiceMinutes']}
          hint={tx.splitHint}
          required
        />
      </div>
      <ObjectiveRows value={d.objectives} onChange={(objectives) => set({ objectives })} errors={e} />
      <GrantRows value={d.competencies} onChange={(competencies) => set({ competencies })} errors={e} />
      <CheckboxList
        id="module-prerequisites"
        legend={tx.prerequisites}
        hint={tx.prerequisitesHint}
        options={prerequisites}
        selected={d.prerequisites ?? []}
        onChange={(v) => set({ prerequisites: v })}
        error={e['prerequisites']}
      />
      <SheetRows
        value={d.practiceSheets ?? []}
        onChange={(practiceSheets) => set({ practiceSheets })}
        errors={e}
      />
      <FormFooter creating={creating} busy={props.busy} error={e.form} notice={props.notice} />
    </form>
  );
}
