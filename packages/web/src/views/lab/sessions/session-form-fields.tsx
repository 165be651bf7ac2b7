import type { Site } from '../../../api/types.ts';
import type { FormErrors } from '../../../components/form-errors.ts';
import { Field } from '../../../components/form-field.tsx';
import { formatDateTime } from '../../../format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { FormValues } from './session-form-model.ts';
import { roomOf } from './session-helpers.ts';
import type { StaffingCheck } from './staffing.tsx';
import { useTexts } from './texts.ts';

type Set = (patch: Partial<FormValues>) => void;
const dateOf = (which: 'start' | 'end', value: string): Partial<FormValues> =>
  which === 'start' ? { startDate: value } : { endDate: value };
const timeOf = (which: 'start' | 'end', value: string): Partial<FormValues> =>
  which === 'start' ? { startTime: value } : { endTime: value };

/**
 * Where and when: site, its rooms (with their capacity), start and end as Paris date + time, and the capacity,
 * pre-filled from the room and bounded by it.
 */
export function PlaceTimeFields(props: {
  v: FormValues;
  set: Set;
  /** A change of the start, which may fill the end in (the module's duration). */
  setStart: Set;
  errors: FormErrors;
  sites: Site[];
  minCapacity: number;
}) {
  const tx = useTexts();
  const { v, set, setStart, errors } = props;
  const site = props.sites.find((s) => s.id === v.siteId);
  const room = roomOf(site, v.roomId);
  const dateTime = (which: 'start' | 'end') => {
    const date = which === 'start' ? 'startDate' : 'endDate';
    const time = which === 'start' ? 'startTime' : 'endTime';
    const change = which === 'start' ? setStart : set;
    return (
      <div class="form-row">
        <Field
          id={`session-${which}-date`}
          label={which === 'start' ? tx.startDate : tx.endDate}
          error={errors[which]}
          required
        >
          {(c) => (
            <input
              {...c}
              type="date"
              value={v[date]}
              onInput={(e) => change(dateOf(which, e.currentTarget.value))}
            />
          )}
        </Field>
        <Field
          id={`session-${which}-time`}
          label={which === 'start' ? tx.startTime : tx.endTime}
          hint={tx.timeHint}
          error={errors[time]}
          required
        >
          {(c) => (
            <input
              {...c}
              type="time"
              value={v[time]}
              onInput={(e) => change(timeOf(which, e.currentTarget.value))}
            />
          )}
        </Field>
      </div>
    );
  };

  return (
    <>
      <div class="form-row">
        <Field id="session-site" label={tx.site} error={errors.siteId} required>
          {(c) => (
            <select
              {...c}
              value={v.siteId}
              onChange={(e) => {
                const s = props.sites.find((x) => x.id === e.currentTarget.value);
                // A site with a single room: that room.
                const only = s?.rooms.length === 1 ? s.rooms[0] : undefined;
                set({
                  siteId: s?.id ?? '',
                  roomId: only?.id ?? '',
                  ...(only && !v.capacity ? { capacity: String(only.capacity) } : {}),
                });
              }}
            >
              <option value="">{tx.chooseSite}</option>
              {props.sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="session-room"
          label={tx.room}
          error={errors.roomId}
          required
          {...(site ? {} : { hint: tx.roomFirstSite })}
        >
          {(c) => (
            <select
              {...c}
              value={v.roomId}
              onChange={(e) => {
                const r = roomOf(site, e.currentTarget.value);
                set({ roomId: r?.id ?? '', ...(r && !v.capacity ? { capacity: String(r.capacity) } : {}) });
              }}
            >
              <option value="">{tx.chooseRoom}</option>
              {site?.rooms.map((r) => (
                <option key={r.id} value={r.id}>
                  {tx.roomOption(r.name, r.capacity)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {dateTime('start')}
      {dateTime('end')}
      <Field
        id="session-capacity"
        label={tx.capacity}
        error={errors.capacity}
        required
        {...(room ? { hint: tx.capacityHint(room.capacity) } : {})}
      >
        {(c) => (
          <input
            {...c}
            type="number"
            inputMode="numeric"
            min={props.minCapacity}
            max={room?.capacity ?? 500}
            value={v.capacity}
            onInput={(e) => set({ capacity: e.currentTarget.value })}
          />
        )}
      </Field>
    </>
  );
}

/**
 * Without a certified lead: the explicit "schedule anyway" checkbox and its reason (recorded by
 * PUT /sessions/{id}/staffing-override). An override already on record is shown instead.
 */
export function OverrideChoice(props: {
  v: FormValues;
  set: Set;
  errors: FormErrors;
  mustOverride: boolean;
  existing?: StaffingCheck['override'];
}) {
  const { locale } = useI18n();
  const tx = useTexts();
  const { v, set, existing } = props;
  if (existing) {
    return (
      <p class="notice notice-info">
        {tx.overrideExisting(formatDateTime(existing.at, locale), existing.by)}
        {existing.reason && ` : ${existing.reason}`}
      </p>
    );
  }
  if (!props.mustOverride) return null;
  return (
    <div class="override">
      <div class="checkbox">
        <input
          type="checkbox"
          id="session-override"
          checked={v.override}
          onChange={(e) => set({ override: e.currentTarget.checked })}
        />
        <label for="session-override">{tx.overrideCheckbox}</label>
      </div>
      {v.override && (
        <Field
          id="session-override-reason"
          label={tx.overrideReason}
          hint={tx.overrideReasonHint}
          error={props.errors.overrideReason}
          required
        >
          {(c) => (
            <textarea
              {...c}
              rows={3}
              maxLength={500}
              value={v.overrideReason}
              onInput={(e) => set({ overrideReason: e.currentTarget.value })}
            />
          )}
        </Field>
      )}
    </div>
  );
}
