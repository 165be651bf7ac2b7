import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { useTexts } from './texts.ts';

/**
 * A repeated group of fields (objectives, competencies, sheets, rooms): each row its own fieldset with a "remove"
 * button naming the row; "add" appends a blank row and puts the cursor in it; after a removal, focus goes to "add"
 * (the removed button is gone).
 */
export function Rows<T>(props: {
  id: string;
  legend: string;
  /** Shown under the legend, tied to the group. */
  hint?: string;
  items: T[];
  onChange: (items: T[]) => void;
  blank: () => T;
  itemLabel: (n: number) => string;
  addLabel: string;
  /** The fields of one row; `set` replaces it. */
  render: (item: T, set: (item: T) => void, index: number) => ComponentChildren;
  error?: string | undefined;
  /** At least this many rows: their remove buttons are not offered. */
  min?: number;
}) {
  const tx = useTexts();
  const group = useRef<HTMLFieldSetElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const describedBy = [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`]
    .filter(Boolean)
    .join(' ');
  const set = (i: number, item: T) => props.onChange(props.items.map((x, j) => (j === i ? item : x)));
  const remove = (i: number) => {
    props.onChange(props.items.filter((_, j) => j !== i));
    addButton.current?.focus();
  };
  const add = () => {
    props.onChange([...props.items, props.blank()]);
    // After the render that adds the row.
    setTimeout(() => {
      const rows = group.current?.querySelectorAll('.lab-cat-row');
      rows?.[rows.length - 1]?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    }, 0);
  };
  return (
    <fieldset
      id={props.id}
      ref={group}
      class={props.error ? 'lab-cat-rows field-invalid' : 'lab-cat-rows'}
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
      {props.items.map((item, i) => (
        // Rows have no id of their own while typed: the position is their identity (inputs are controlled).
        <fieldset class="lab-cat-row" key={i}>
          <legend>{props.itemLabel(i + 1)}</legend>
          {props.render(item, (x) => set(i, x), i)}
          {props.items.length > (props.min ?? 0) && (
            <button type="button" class="btn btn-tertiary btn-small" onClick={() => remove(i)}>
              {tx.remove_(props.itemLabel(i + 1).toLowerCase())}
            </button>
          )}
        </fieldset>
      ))}
      <button type="button" class="btn btn-secondary btn-small" ref={addButton} onClick={add}>
        {props.addLabel}
      </button>
    </fieldset>
  );
}
