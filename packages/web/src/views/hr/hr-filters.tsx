import { useState } from 'preact/hooks';
import { useCatalog } from '../../hooks/use-catalog.ts';
import { useNames } from '../../hooks/use-names.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export const LEVELS = ['discover', 'practise', 'master', 'can-teach'] as const;
export type Level = (typeof LEVELS)[number];

export interface HrFilters {
  services: string[];
  competency: string;
  minLevel: Level;
  path: string;
  from: string;
  to: string;
}

/** The HR filters: services in my scope, competency, minimum level, path, period; applied with a button. */
export function HrFiltersForm(props: { scope: string[]; value: HrFilters; onApply: (f: HrFilters) => void }) {
  const { t, text } = useI18n();
  const { catalog } = useCatalog();
  const { serviceName, competencyTitle, competencyIds, levelName } = useNames();
  const [f, setF] = useState(props.value);
  const set = <K extends keyof HrFilters>(k: K, v: HrFilters[K]) => setF({ ...f, [k]: v });
  const toggle = (s: string) =>
    set('services', f.services.includes(s) ? f.services.filter((x) => x !== s) : [...f.services, s]);
  return (
    <form
      class="filters"
      onSubmit={(e) => {
        e.preventDefault();
        props.onApply(f);
      }}
    >
      <fieldset class="field checkboxes">
        <legend>{t.services}</legend>
        <p class="hint" id="services-hint">
          {t.servicesHint}
        </p>
        {props.scope.map((s) => (
          <span class="checkbox" key={s}>
            <input
              type="checkbox"
              id={`svc-${s}`}
              checked={f.services.includes(s)}
              onChange={() => toggle(s)}
              aria-describedby="services-hint"
            />
            <label for={`svc-${s}`}>{serviceName(s)}</label>
          </span>
        ))}
      </fieldset>
      <div class="field">
        <label for="hr-competency">{t.competency}</label>
        <select
          id="hr-competency"
          value={f.competency}
          onChange={(e) => set('competency', e.currentTarget.value)}
        >
          <option value="">{t.allCompetencies}</option>
          {competencyIds.map((c) => (
            <option key={c} value={c}>
              {competencyTitle(c)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="hr-level">{t.minLevel}</label>
        <select
          id="hr-level"
          value={f.minLevel}
          onChange={(e) => set('minLevel', LEVELS.find((l) => l === e.currentTarget.value) ?? 'discover')}
        >
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {levelName(l)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="hr-path">{t.path}</label>
        <select id="hr-path" value={f.path} onChange={(e) => set('path', e.currentTarget.value)}>
          <option value="">{t.allPaths}</option>
          {catalog?.paths.map((p) => (
            <option key={p.id} value={p.id}>
              {text(p.title)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="hr-from">{t.periodFrom}</label>
        <input id="hr-from" type="date" value={f.from} onChange={(e) => set('from', e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="hr-to">{t.periodTo}</label>
        <input id="hr-to" type="date" value={f.to} onChange={(e) => set('to', e.currentTarget.value)} />
      </div>
      <button type="submit" class="btn btn-primary">
        {t.apply}
      </button>
    </form>
  );
}
