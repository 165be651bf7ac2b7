import { useState } from 'preact/hooks';
import { useCatalog } from '../../hooks/use-catalog.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export interface LabFilters {
  /** '' = the whole programme, else `module:<id>` or `path:<id>`. */
  scope: string;
  granularity: 'month' | 'quarter';
}

/** Scope and time step of the lab's charts; applied with a button (no change of content while choosing). */
export function LabFiltersForm(props: { value: LabFilters; onApply: (f: LabFilters) => void }) {
  const { t, text } = useI18n();
  const { catalog } = useCatalog();
  const [scope, setScope] = useState(props.value.scope);
  const [granularity, setGranularity] = useState(props.value.granularity);
  return (
    <form
      class="filters"
      onSubmit={(e) => {
        e.preventDefault();
        props.onApply({ scope, granularity });
      }}
    >
      <div class="field">
        <label for="lab-scope">{t.scope}</label>
        <select id="lab-scope" value={scope} onChange={(e) => setScope(e.currentTarget.value)}>
          <option value="">{t.wholeProgramme}</option>
          <optgroup label={t.paths}>
            {catalog?.paths.map((p) => (
              <option key={p.id} value={`path:${p.id}`}>
                {text(p.title)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t.modules}>
            {catalog?.modules.map((m) => (
              <option key={m.id} value={`module:${m.id}`}>
                {text(m.title)}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div class="field">
        <label for="lab-granularity">{t.granularity}</label>
        <select
          id="lab-granularity"
          value={granularity}
          onChange={(e) => setGranularity(e.currentTarget.value === 'quarter' ? 'quarter' : 'month')}
        >
          <option value="month">{t.byMonth}</option>
          <option value="quarter">{t.byQuarter}</option>
        </select>
      </div>
      <button type="submit" class="btn btn-primary">
        {t.apply}
      </button>
    </form>
  );
}
