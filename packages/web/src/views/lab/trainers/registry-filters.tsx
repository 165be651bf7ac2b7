import { useState } from 'preact/hooks';
import type { Trainer } from '../../../api/types.ts';
import { useCatalog } from '../../../hooks/use-catalog.ts';
import { useNames } from '../../../hooks/use-names.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useTexts } from './texts.ts';

export interface RegistryFilters {
  search: string;
  kind: '' | Trainer['kind'];
  moduleId: string;
  serviceId: string;
  /** '' = all; the registry opens on the active trainers. */
  active: '' | 'yes' | 'no';
}

export const NO_FILTERS: RegistryFilters = {
  search: '',
  kind: '',
  moduleId: '',
  serviceId: '',
  active: 'yes',
};

/** The registry is tens of entries, fetched whole: filtering happens here. */
export function matches(tr: Trainer, f: RegistryFilters): boolean {
  const q = f.search.trim().toLocaleLowerCase('fr');
  if (q && !tr.name.toLocaleLowerCase('fr').includes(q) && !tr.id.toLocaleLowerCase('fr').includes(q))
    return false;
  if (f.kind && tr.kind !== f.kind) return false;
  if (f.moduleId && !tr.modules.includes(f.moduleId)) return false;
  if (f.serviceId && tr.homeServiceId !== f.serviceId) return false;
  if (f.active && tr.active !== (f.active === 'yes')) return false;
  return true;
}

/** Applied with a button (the tables do not change while the lab is choosing). */
export function RegistryFiltersForm(props: {
  value: RegistryFilters;
  onApply: (f: RegistryFilters) => void;
}) {
  const { t, text } = useI18n();
  const tx = useTexts();
  const { catalog } = useCatalog();
  const { serviceIds, serviceName } = useNames();
  const [f, setF] = useState(props.value);
  const set = <K extends keyof RegistryFilters>(k: K, v: RegistryFilters[K]) => setF({ ...f, [k]: v });
  return (
    <form
      class="filters"
      aria-label={tx.filtersLegend}
      onSubmit={(e) => {
        e.preventDefault();
        props.onApply(f);
      }}
    >
      <div class="field">
        <label for="tr-search">{tx.search}</label>
        <input
          id="tr-search"
          type="search"
          value={f.search}
          onInput={(e) => set('search', e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="tr-kind">{tx.kind}</label>
        <select
          id="tr-kind"
          value={f.kind}
          onChange={(e) => set('kind', e.currentTarget.value as RegistryFilters['kind'])}
        >
          <option value="">{tx.kindAll}</option>
          <option value="internal">{tx.internal}</option>
          <option value="external">{tx.external}</option>
        </select>
      </div>
      <div class="field">
        <label for="tr-module">{tx.module}</label>
        <select id="tr-module" value={f.moduleId} onChange={(e) => set('moduleId', e.currentTarget.value)}>
          <option value="">{tx.allModules}</option>
          {catalog?.modules.map((m) => (
            <option key={m.id} value={m.id}>
              {text(m.title, m.id)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="tr-service">{tx.homeService}</label>
        <select id="tr-service" value={f.serviceId} onChange={(e) => set('serviceId', e.currentTarget.value)}>
          <option value="">{t.allServices}</option>
          {serviceIds.map((s) => (
            <option key={s} value={s}>
              {serviceName(s)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="tr-active">{tx.activeFilter}</label>
        <select
          id="tr-active"
          value={f.active}
          onChange={(e) => set('active', e.currentTarget.value as RegistryFilters['active'])}
        >
          <option value="">{tx.activeAll}</option>
          <option value="yes">{tx.active}</option>
          <option value="no">{tx.inactive}</option>
        </select>
      </div>
      <button type="submit" class="btn btn-primary">
        {tx.applyFilters}
      </button>
      <button
        type="button"
        class="btn btn-tertiary"
        onClick={() => {
          setF(NO_FILTERS);
          props.onApply(NO_FILTERS);
        }}
      >
        {tx.resetFilters}
      </button>
    </form>
  );
}
