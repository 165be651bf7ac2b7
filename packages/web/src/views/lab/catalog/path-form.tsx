import { useState } from 'preact/hooks';
import { Field } from '../../../components/form-field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { PathEntity } from './catalog-types.ts';
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
import { useTexts } from './texts.ts';
import { optionsOf, useKindList } from './use-kind-list.ts';

function blankPath(): PathEntity {
  return {
    id: '',
    title: blankText(),
    summary: blankText(),
    audience: blankText(),
    entryModuleId: '',
    electiveModuleIds: [],
    electivesRequired: 1,
    cancellationCutoffHours: 48,
    attendanceWindowDays: 7,
  };
}

/** Exactly the entity's fields; the optional ones only when set (an empty coach or cohort start is "none"). */
function toEntity(d: PathEntity): PathEntity {
  return {
    id: d.id,
    title: d.title,
    summary: d.summary,
    audience: d.audience,
    entryModuleId: d.entryModuleId,
    // The entry module cannot also be an elective: choosing it as entry removes it from the electives.
    electiveModuleIds: d.electiveModuleIds.filter((m) => m !== d.entryModuleId),
    electivesRequired: d.electivesRequired,
    cancellationCutoffHours: d.cancellationCutoffHours,
    attendanceWindowDays: d.attendanceWindowDays,
    ...(d.coachModuleId ? { coachModuleId: d.coachModuleId } : {}),
    ...(d.cohortStart ? { cohortStart: d.cohortStart } : {}),
  };
}

/** A path: texts, its modules (the API refuses archived ones: only modules in service are offered), rules. */
export function PathForm(props: FormProps<'paths'>) {
  const { text } = useI18n();
  const tx = useTexts();
  const creating = props.initial === undefined;
  const [d, setD] = useState<PathEntity>(() => props.initial ?? blankPath());
  const set = (patch: Partial<PathEntity>) => setD({ ...d, ...patch });
  const e = props.errors;
  const modules = useKindList('modules');
  const title = (m: { title: { fr: string; en: string } }) => text(m.title);
  const single = (id: string | undefined) => optionsOf(modules, id ? [id] : [], title);
  const electives = optionsOf(modules, d.electiveModuleIds, title, [d.entryModuleId]);
  const electivesChosen = d.electiveModuleIds.filter((m) => m !== d.entryModuleId);

  const moduleSelect = (
    id: string,
    field: 'entryModuleId' | 'coachModuleId',
    label: string,
    value: string | undefined,
    onPick: (v: string) => void,
  ) => (
    <Field id={id} label={label} error={e[field]} required={field === 'entryModuleId'}>
      {(c) => (
        <select {...c} value={value ?? ''} onChange={(ev) => onPick(ev.currentTarget.value)}>
          <option value="">{field === 'entryModuleId' ? tx.choose : tx.none}</option>
          {single(value).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form
      class="lab-cat-form"
      data-testid="path-form"
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        props.onSubmit(toEntity(d));
      }}
    >
      <IdInput id="path-id" creating={creating} value={d.id} onInput={(id) => set({ id })} error={e['id']} />
      <LocalizedInputs
        id="path-title"
        name="title"
        label={tx.titleField}
        value={d.title}
        onChange={(v) => set({ title: v })}
        errors={e}
      />
      <LocalizedInputs
        id="path-summary"
        name="summary"
        label={tx.summary}
        value={d.summary}
        onChange={(summary) => set({ summary })}
        errors={e}
        multiline
      />
      <LocalizedInputs
        id="path-audience"
        name="audience"
        label={tx.audience}
        value={d.audience}
        onChange={(audience) => set({ audience })}
        errors={e}
      />
      {moduleSelect('path-entry', 'entryModuleId', tx.entryModule, d.entryModuleId, (entryModuleId) =>
        set({ entryModuleId }),
      )}
      <CheckboxList
        id="path-electives"
        legend={tx.electives}
        hint={tx.electivesHint}
        options={electives}
        selected={electivesChosen}
        onChange={(electiveModuleIds) => set({ electiveModuleIds })}
        error={e['electiveModuleIds']}
      />
      <TextInput
        id="path-electives-required"
        type="number"
        min={1}
        label={tx.electivesRequired}
        hint={tx.electivesRequiredHint(electivesChosen.length)}
        value={numberValue(d.electivesRequired)}
        onInput={(v) => set({ electivesRequired: toNumber(v) })}
        error={e['electivesRequired']}
        required
      />
      {moduleSelect('path-coach', 'coachModuleId', tx.coachModule, d.coachModuleId, (v) => {
        const { coachModuleId: _, ...rest } = d;
        setD(v ? { ...rest, coachModuleId: v } : rest);
      })}
      <div class="lab-cat-numbers">
        <TextInput
          id="path-cutoff"
          type="number"
          min={0}
          label={tx.cutoff}
          value={numberValue(d.cancellationCutoffHours)}
          onInput={(v) => set({ cancellationCutoffHours: toNumber(v) })}
          error={e['cancellationCutoffHours']}
          required
        />
        <TextInput
          id="path-attendance"
          type="number"
          min={1}
          label={tx.attendanceWindow}
          value={numberValue(d.attendanceWindowDays)}
          onInput={(v) => set({ attendanceWindowDays: toNumber(v) })}
          error={e['attendanceWindowDays']}
          required
        />
      </div>
      <TextInput
        id="path-cohort"
        type="date"
        label={tx.cohortStart}
        hint={tx.cohortHint}
        value={d.cohortStart ?? ''}
        onInput={(v) => {
          const { cohortStart: _, ...rest } = d;
          setD(v ? { ...rest, cohortStart: v } : rest);
        }}
        error={e['cohortStart']}
      />
      <FormFooter creating={creating} busy={props.busy} error={e.form} notice={props.notice} />
    </form>
  );
}
