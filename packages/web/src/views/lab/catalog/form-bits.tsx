import type { ComponentChildren } from 'preact';
import type { FormErrors } from '../../../components/form-errors.ts';
import { Field } from '../../../components/form-field.tsx';
import type { Entities, Kind } from './catalog-types.ts';
import { useTexts } from './texts.ts';

/** What the editor gives every kind's form. The form keeps its own draft; the editor calls the API. */
export interface FormProps<K extends Kind> {
  /** Undefined: a creation (blank form). */
  initial: Entities[K] | undefined;
  busy: boolean;
  errors: FormErrors;
  onSubmit: (entity: Entities[K]) => void;
  /** Shown above the buttons with the form's error (the stale-version notice). */
  notice?: ComponentChildren;
}

export type Localized = { fr: string; en: string };
export const blankText = (): Localized => ({ fr: '', en: '' });
/** '' in a number input is "no value": NaN, sent as null, which the API reports on its field. */
export const toNumber = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
export const numberValue = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '' : String(n));

export function TextInput(props: {
  id: string;
  label: string;
  value: string;
  onInput: (v: string) => void;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  lang?: string;
  type?: 'text' | 'date' | 'number';
  min?: number;
}) {
  return (
    <Field id={props.id} label={props.label} error={props.error} hint={props.hint} required={props.required}>
      {(c) => {
        const common = {
          ...c,
          lang: props.lang,
          value: props.value,
          ...(props.required ? { 'aria-required': true as const } : {}),
        };
        const onInput = (e: { currentTarget: { value: string } }) => props.onInput(e.currentTarget.value);
        // One branch per input type: Preact's typings tell them apart by a literal `type`.
        if (props.multiline) return <textarea {...common} rows={3} onInput={onInput} />;
        if (props.type === 'number')
          return <input {...common} type="number" min={props.min} onInput={onInput} />;
        if (props.type === 'date') return <input {...common} type="date" onInput={onInput} />;
        return <input {...common} type="text" onInput={onInput} />;
      }}
    </Field>
  );
}

/**
 * A French/English pair (French first). Each input is fully labelled ("Titre en anglais") so it is found alone;
 * an issue on one language (`title.en`) marks that input, one on the whole text marks the French one.
 */
export function LocalizedInputs(props: {
  id: string;
  name: string;
  label: string;
  value: Localized;
  onChange: (v: Localized) => void;
  errors: FormErrors;
  multiline?: boolean;
  required?: boolean;
}) {
  const tx = useTexts();
  const e = props.errors;
  return (
    <div class="lab-cat-pair">
      <TextInput
        id={`${props.id}-fr`}
        label={`${props.label} ${tx.inFrench}`}
        value={props.value.fr}
        onInput={(fr) => props.onChange({ ...props.value, fr })}
        error={e[`${props.name}.fr`] ?? (e[`${props.name}.en`] ? undefined : e[props.name])}
        required={props.required ?? true}
        multiline={props.multiline}
      />
      <TextInput
        id={`${props.id}-en`}
        label={`${props.label} ${tx.inEnglish}`}
        value={props.value.en}
        onInput={(en) => props.onChange({ ...props.value, en })}
        error={e[`${props.name}.en`]}
        required={props.required ?? true}
        multiline={props.multiline}
        lang="en"
      />
    </div>
  );
}

/** The id: typed once, at creation (kebab-case); afterwards shown, not editable. */
export function IdInput(props: {
  id: string;
  creating: boolean;
  value: string;
  onInput: (v: string) => void;
  error?: string | undefined;
}) {
  const tx = useTexts();
  if (!props.creating) return <p class="lab-cat-id">{tx.idFixed(props.value)}</p>;
  return (
    <TextInput
      id={props.id}
      label={tx.id}
      hint={tx.idHint}
      value={props.value}
      onInput={(v) => props.onInput(v.trim())}
      error={props.error}
      required
    />
  );
}

/** A group of checkboxes (fieldset + legend), its error under the legend. */
export function CheckboxList(props: {
  id: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  selected: string[];
  onChange: (v: string[]) => void;
  error?: string | undefined;
}) {
  const describedBy = [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`]
    .filter(Boolean)
    .join(' ');
  const toggle = (v: string, on: boolean) =>
    props.onChange(on ? [...props.selected, v] : props.selected.filter((x) => x !== v));
  return (
    <fieldset
      id={props.id}
      class={props.error ? 'lab-cat-group field-invalid' : 'lab-cat-group'}
      aria-describedby={describedBy || undefined}
    >
      <legend>{props.legend}</legend>
      {props.hint && (
        <p class="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
      {props.options.map((o) => (
        <span class="checkbox" key={o.value}>
          <input
            type="checkbox"
            id={`${props.id}-${o.value}`}
            checked={props.selected.includes(o.value)}
            onChange={(e) => toggle(o.value, e.currentTarget.checked)}
          />
          <label for={`${props.id}-${o.value}`}>{o.label}</label>
        </span>
      ))}
    </fieldset>
  );
}

/** The form's error (role="alert"), any notice, then the submit button (disabled while busy). */
export function FormFooter(props: {
  creating: boolean;
  busy: boolean;
  error?: string | undefined;
  notice?: ComponentChildren;
}) {
  const tx = useTexts();
  return (
    <div class="lab-cat-footer">
      {props.error && (
        <p role="alert" class="notice notice-error">
          {props.error}
        </p>
      )}
      {props.notice}
      <button type="submit" class="btn btn-primary" disabled={props.busy} aria-busy={props.busy}>
        {props.creating ? tx.create : tx.save}
      </button>
    </div>
  );
}
