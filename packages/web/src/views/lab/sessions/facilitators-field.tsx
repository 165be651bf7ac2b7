import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import type { Trainer } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { facilitatorRoleLabel } from '../../trainer/role-labels.ts';
import type { FacilitatorRow } from './session-form-model.ts';
import { type FacilitatorRole, ROLES } from './session-helpers.ts';
import { useTexts } from './texts.ts';

export const ADD_ID = 'session-add-facilitator';
export const FACILITATORS_ERROR_ID = 'session-facilitators-error';

/**
 * The facilitators as rows (trainer + role), added and removed with buttons. Focus follows: to the new row's
 * trainer after "add", to "add" after a removal. `children` (the staffing findings) sit inside the same group.
 */
export function FacilitatorsField(props: {
  rows: FacilitatorRow[];
  onChange: (rows: FacilitatorRow[]) => void;
  trainers: Trainer[];
  moduleId: string;
  error?: string | undefined;
  children?: ComponentChildren;
}) {
  const { t } = useI18n();
  const tx = useTexts();
  const nextKey = useRef(Math.max(0, ...props.rows.map((r) => r.key)) + 1);
  // After the parent's re-render (Preact renders before a 0 ms timeout fires).
  const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);

  const update = (key: number, patch: Partial<FacilitatorRow>) =>
    props.onChange(props.rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () => {
    const key = nextKey.current++;
    props.onChange([
      ...props.rows,
      { key, trainerId: '', role: props.rows.length === 0 ? 'lead' : 'co-facilitator' },
    ]);
    focusLater(`fac-${key}-trainer`);
  };
  const remove = (key: number) => {
    props.onChange(props.rows.filter((r) => r.key !== key));
    focusLater(ADD_ID);
  };

  // Trainers of the module first: the likely choices. Inactive ones only when already chosen.
  const usable = (x: Trainer, chosen: string) => x.active || x.id === chosen;
  const label = (x: Trainer) =>
    `${x.name}${x.kind === 'external' ? tx.external : ''}${x.active ? '' : tx.inactive}`;
  const options = (chosen: string) => {
    const list = props.trainers.filter((x) => usable(x, chosen));
    const ofModule = list.filter((x) => x.modules.includes(props.moduleId));
    const others = list.filter((x) => !x.modules.includes(props.moduleId));
    const opt = (x: Trainer) => (
      <option key={x.id} value={x.id}>
        {label(x)}
      </option>
    );
    return (
      <>
        <option value="">{tx.chooseTrainer}</option>
        {ofModule.length > 0 && <optgroup label={tx.trainersOfModule}>{ofModule.map(opt)}</optgroup>}
        {others.length > 0 && <optgroup label={tx.otherTrainers}>{others.map(opt)}</optgroup>}
        {chosen && !list.some((x) => x.id === chosen) && <option value={chosen}>{chosen}</option>}
      </>
    );
  };

  return (
    <fieldset
      class={props.error ? 'facilitators field-invalid' : 'facilitators'}
      aria-describedby={props.error ? FACILITATORS_ERROR_ID : undefined}
    >
      <legend>{tx.facilitators}</legend>
      {props.rows.length === 0 ? (
        <p class="field-hint">{tx.noFacilitators}</p>
      ) : (
        <ul class="facilitator-rows">
          {props.rows.map((r, i) => (
            <li key={r.key} class="facilitator-row">
              <div class="field">
                <label for={`fac-${r.key}-trainer`}>{tx.trainerN(i + 1)}</label>
                <select
                  id={`fac-${r.key}-trainer`}
                  value={r.trainerId}
                  {...(props.error && !r.trainerId ? { 'aria-invalid': 'true' as const } : {})}
                  onChange={(e) => update(r.key, { trainerId: e.currentTarget.value })}
                >
                  {options(r.trainerId)}
                </select>
              </div>
              <div class="field">
                <label for={`fac-${r.key}-role`}>{tx.roleN(i + 1)}</label>
                <select
                  id={`fac-${r.key}-role`}
                  value={r.role}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    update(r.key, { role: ROLES.find((x) => x === v) ?? 'observer' });
                  }}
                >
                  {ROLES.map((role: FacilitatorRole) => (
                    <option key={role} value={role}>
                      {facilitatorRoleLabel(t, role)}
                    </option>
                  ))}
                </select>
              </div>
              <button type="button" class="btn btn-tertiary btn-small" onClick={() => remove(r.key)}>
                {tx.removeN(i + 1)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" id={ADD_ID} class="btn btn-secondary btn-small" onClick={add}>
        {tx.addFacilitator}
      </button>
      {props.error && (
        <p class="field-error" id={FACILITATORS_ERROR_ID}>
          {props.error}
        </p>
      )}
      {props.children}
    </fieldset>
  );
}
