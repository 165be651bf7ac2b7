import { useEffect, useState } from 'preact/hooks';
import type { Trainer } from '../../../api/types.ts';
import { useCatalog } from '../../../hooks/use-catalog.ts';
import type { Resource } from '../../../hooks/use-resource.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { isArchived, STATUSES } from './session-helpers.ts';
import type { ListFilters } from './sessions-query.ts';
import { useTexts } from './texts.ts';

type Chosen = Pick<ListFilters, 'moduleId' | 'site' | 'trainerId' | 'status'>;

/**
 * Module, site, trainer and status, applied with a button (the content does not change while choosing). Archived
 * modules and sites stay choosable: their past sessions are still worth finding.
 */
export function SessionsFilters(props: {
  value: ListFilters;
  trainers: Resource<Trainer[]>;
  onApply: (f: Chosen) => void;
}) {
  const { t, text } = useI18n();
  const tx = useTexts();
  const { catalog } = useCatalog();
  const [chosen, setChosen] = useState<Chosen>(props.value);
  const { moduleId, site, trainerId, status } = props.value;
  // The address may change under the form (Back, a link): show what is applied.
  useEffect(() => setChosen({ moduleId, site, trainerId, status }), [moduleId, site, trainerId, status]);
  const modules = [...(catalog?.modules ?? [])].sort((a, b) => text(a.title).localeCompare(text(b.title)));
  const trainers = props.trainers.status === 'ready' ? props.trainers.data : [];

  return (
    <form
      class="filters"
      aria-label={tx.filtersLabel}
      onSubmit={(e) => {
        e.preventDefault();
        props.onApply(chosen);
      }}
    >
      <div class="field">
        <label for="sessions-filter-module">{t.module}</label>
        <select
          id="sessions-filter-module"
          value={chosen.moduleId}
          onChange={(e) => setChosen({ ...chosen, moduleId: e.currentTarget.value })}
        >
          <option value="">{tx.allModules}</option>
          {modules.map((m) => (
            <option key={m.id} value={m.id}>
              {text(m.title)}
              {isArchived(m) ? tx.archived : ''}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="sessions-filter-site">{tx.site}</label>
        <select
          id="sessions-filter-site"
          value={chosen.site}
          onChange={(e) => setChosen({ ...chosen, site: e.currentTarget.value })}
        >
          <option value="">{tx.allSites}</option>
          {catalog?.sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
              {isArchived(s) ? tx.archived : ''}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="sessions-filter-trainer">{tx.trainer}</label>
        <select
          id="sessions-filter-trainer"
          value={chosen.trainerId}
          onChange={(e) => setChosen({ ...chosen, trainerId: e.currentTarget.value })}
        >
          <option value="">{tx.allTrainers}</option>
          {trainers.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
          {/* A trainer chosen in the address but not (yet) in the registry stays visible. */}
          {chosen.trainerId && !trainers.some((x) => x.id === chosen.trainerId) && (
            <option value={chosen.trainerId}>{chosen.trainerId}</option>
          )}
        </select>
      </div>
      <div class="field">
        <label for="sessions-filter-status">{t.status}</label>
        <select
          id="sessions-filter-status"
          value={chosen.status}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setChosen({ ...chosen, status: STATUSES.find((s) => s === v) ?? '' });
          }}
        >
          <option value="">{tx.allStatuses}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {tx.status[s]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="btn btn-primary">
        {tx.applyFilters}
      </button>
    </form>
  );
}
