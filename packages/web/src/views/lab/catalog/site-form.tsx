import { useState } from 'preact/hooks';
import type { SiteEntity } from './catalog-types.ts';
import { FormFooter, type FormProps, IdInput, numberValue, TextInput, toNumber } from './form-bits.tsx';
import { Rows } from './rows.tsx';
import { useTexts } from './texts.ts';

type Room = SiteEntity['rooms'][number];

const blankSite = (): SiteEntity => ({ id: '', name: '', city: '', remote: false, rooms: [] });

/** Exactly the entity's fields; the optional texts only when filled in. */
function toEntity(d: SiteEntity): SiteEntity {
  const address = d.address?.trim();
  const accessibility = d.accessibility?.trim();
  return {
    id: d.id,
    name: d.name,
    city: d.city,
    remote: d.remote,
    rooms: d.rooms,
    ...(address ? { address } : {}),
    ...(accessibility ? { accessibility } : {}),
  };
}

/** A site: name, city, address, accessibility, remote or not, and its rooms with their capacity. */
export function SiteForm(props: FormProps<'sites'>) {
  const tx = useTexts();
  const creating = props.initial === undefined;
  const [d, setD] = useState<SiteEntity>(() => props.initial ?? blankSite());
  const set = (patch: Partial<SiteEntity>) => setD({ ...d, ...patch });
  const e = props.errors;
  // Rooms already saved keep their id (sessions refer to it); new rows get one typed once, like items.
  const savedRooms = new Set(props.initial?.rooms.map((r) => r.id) ?? []);

  return (
    <form
      class="lab-cat-form"
      data-testid="site-form"
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        props.onSubmit(toEntity(d));
      }}
    >
      <IdInput id="site-id" creating={creating} value={d.id} onInput={(id) => set({ id })} error={e['id']} />
      <TextInput
        id="site-name"
        label={tx.name}
        value={d.name}
        onInput={(name) => set({ name })}
        error={e['name']}
        required
      />
      <TextInput
        id="site-city"
        label={tx.city}
        value={d.city}
        onInput={(city) => set({ city })}
        error={e['city']}
        required
      />
      <TextInput
        id="site-address"
        label={tx.address}
        value={d.address ?? ''}
        onInput={(address) => set({ address })}
        error={e['address']}
        multiline
      />
      <TextInput
        id="site-accessibility"
        label={tx.accessibility}
        hint={tx.accessibilityHint}
        value={d.accessibility ?? ''}
        onInput={(accessibility) => set({ accessibility })}
        error={e['accessibility']}
        multiline
      />
      <p class="checkbox">
        <input
          type="checkbox"
          id="site-remote"
          checked={d.remote ?? false}
          onChange={(ev) => set({ remote: ev.currentTarget.checked })}
        />
        <label for="site-remote">{tx.remote}</label>
      </p>
      <Rows<Room>
        id="site-rooms"
        legend={tx.rooms}
        items={d.rooms}
        onChange={(rooms) => set({ rooms })}
        blank={() => ({ id: '', name: '', capacity: Number.NaN })}
        itemLabel={tx.room}
        addLabel={tx.addRoom}
        error={e['rooms']}
        render={(r, setRoom, i) => (
          <div class="lab-cat-numbers">
            {savedRooms.has(r.id) ? (
              <p class="lab-cat-id">{tx.idFixed(r.id)}</p>
            ) : (
              <TextInput
                id={`site-room-${i}-id`}
                label={`${tx.id} (${tx.room(i + 1)})`}
                hint={tx.idHint}
                value={r.id}
                onInput={(id) => setRoom({ ...r, id: id.trim() })}
                error={e[`rooms.${i}.id`]}
                required
              />
            )}
            <TextInput
              id={`site-room-${i}-name`}
              label={`${tx.name} (${tx.room(i + 1)})`}
              value={r.name}
              onInput={(name) => setRoom({ ...r, name })}
              error={e[`rooms.${i}.name`]}
              required
            />
            <TextInput
              id={`site-room-${i}-capacity`}
              type="number"
              min={1}
              label={`${tx.capacity} (${tx.room(i + 1)})`}
              value={numberValue(r.capacity)}
              onInput={(v) => setRoom({ ...r, capacity: toNumber(v) })}
              error={e[`rooms.${i}.capacity`]}
              required
            />
          </div>
        )}
      />
      <FormFooter creating={creating} busy={props.busy} error={e.form} notice={props.notice} />
    </form>
  );
}
