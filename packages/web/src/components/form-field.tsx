import type { ComponentChildren } from 'preact';

/** What a form control needs to be tied to its label, hint and error (RGAA 11.1, 11.10). */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: 'true';
}

/**
 * One labelled form field: the label, an optional hint, the control (rendered by `children` with its ids), and the
 * error right under it — a server's answer included (a 409 `room-unavailable` shows on the room).
 */
export function Field(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  children: (control: ControlProps) => ComponentChildren;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  return (
    <div class={props.error ? 'field field-invalid' : 'field'}>
      <label for={props.id}>
        {props.label}
        {props.required && <span aria-hidden="true"> *</span>}
      </label>
      {props.hint && (
        <p class="field-hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.children({
        id: props.id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(props.error ? { 'aria-invalid': 'true' as const } : {}),
      })}
      {props.error && (
        <p class="field-error" id={errorId}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** What concerns no single field (a 409 on the whole form, the network): an alert right above the buttons. */
export function FormAlert({ message }: { message?: string | undefined }) {
  if (!message) return null;
  return (
    <p class="notice notice-error" role="alert">
      {message}
    </p>
  );
}

/** The optional "why" of a cancellation, an override, an erasure: a short text, 500 characters at most. */
export function ReasonField(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  value: string;
  onInput: (value: string) => void;
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error} required={props.required}>
      {(c) => (
        <textarea
          {...c}
          rows={2}
          maxLength={500}
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}
