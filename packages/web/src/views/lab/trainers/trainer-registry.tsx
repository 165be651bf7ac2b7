import { useEffect, useRef, useState } from 'preact/hooks';
import { must, useApi } from '../../../api/client.ts';
import type { Trainer } from '../../../api/types.ts';
import { useAnnounce } from '../../../components/announcer.tsx';
import { AsyncView } from '../../../components/async-view.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { useCatalog } from '../../../hooks/use-catalog.ts';
import { useNames } from '../../../hooks/use-names.ts';
import { useResource } from '../../../hooks/use-resource.ts';
import { Link } from '../../../router.tsx';
import { matches, NO_FILTERS, type RegistryFilters, RegistryFiltersForm } from './registry-filters.tsx';
import { useTexts } from './texts.ts';
import { TrainerForm } from './trainer-form.tsx';

export const trainerPath = (id: string) => `/lab/formateurs/${encodeURIComponent(id)}`;

/** Internal and external trainers in two tables (their attachment differs: a service, a provider). */
function RegistryTables({ items, filters }: { items: Trainer[]; filters: RegistryFilters }) {
  const tx = useTexts();
  const { moduleTitle } = useCatalog();
  const { serviceName } = useNames();
  const shown = items.filter((tr) => matches(tr, filters));
  const internal = shown.filter((tr) => tr.kind === 'internal');
  const external = shown.filter((tr) => tr.kind === 'external');
  const common = (attachment: Column<Trainer>): Column<Trainer>[] => [
    {
      header: tx.name,
      rowHeader: true,
      cell: (tr) => (
        <>
          <Link to={trainerPath(tr.id)}>{tr.name}</Link> <span class="hint">({tr.id})</span>
        </>
      ),
    },
    attachment,
    {
      header: tx.modulesCol,
      cell: (tr) => (tr.modules.length ? tr.modules.map(moduleTitle).join(', ') : tx.noModules),
    },
    {
      header: tx.activeFilter,
      cell: (tr) => (
        <span class={tr.active ? 'badge badge-on-track' : 'badge'}>
          {tr.active ? tx.active : tx.inactive}
        </span>
      ),
    },
  ];
  return (
    <>
      <p class="hint">{tx.shown(shown.length, items.length)}</p>
      {shown.length === 0 && <p>{tx.noneMatching}</p>}
      {internal.length > 0 && (
        <DataTable
          caption={tx.internalCaption(internal.length)}
          testId="trainers-internal"
          rows={internal}
          rowKey={(tr) => tr.id}
          columns={common({
            header: tx.homeService,
            cell: (tr) => (tr.homeServiceId ? serviceName(tr.homeServiceId) : '—'),
          })}
        />
      )}
      {external.length > 0 && (
        <DataTable
          caption={tx.externalCaption(external.length)}
          testId="trainers-external"
          rows={external}
          rowKey={(tr) => tr.id}
          columns={common({ header: tx.provider, cell: (tr) => tr.organisation ?? '—' })}
        />
      )}
    </>
  );
}

/** `/lab/formateurs`: the registry, its filters, and the form that adds an entry. */
export function TrainerRegistry() {
  const tx = useTexts();
  const api = useApi();
  const announce = useAnnounce();
  const [registry, reload] = useResource(() => must(api.GET('/trainers')), [api]);
  const [filters, setFilters] = useState<RegistryFilters>(NO_FILTERS);
  const [adding, setAdding] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (adding) heading.current?.focus();
  }, [adding]);

  const closeForm = () => {
    setAdding(false);
    setTimeout(() => document.getElementById('add-trainer')?.focus(), 0);
  };
  const applyFilters = (f: RegistryFilters) => {
    setFilters(f);
    if (registry.status === 'ready')
      announce(
        tx.shown(registry.data.items.filter((tr) => matches(tr, f)).length, registry.data.items.length),
      );
  };

  return (
    <>
      <PageTitle>{tx.registryTitle}</PageTitle>
      <section aria-labelledby="registry-heading" data-testid="trainer-registry">
        <h2 id="registry-heading">{tx.registryHeading}</h2>
        <p>{tx.registryIntro}</p>
        {/* Only once the registry is in: the new id is checked against it (a PUT on a taken id replaces). */}
        {!adding && registry.status === 'ready' && (
          <p>
            <button type="button" id="add-trainer" class="btn btn-secondary" onClick={() => setAdding(true)}>
              {tx.addTrainer}
            </button>
          </p>
        )}
        {adding && (
          <section class="panel" aria-labelledby="add-trainer-heading" data-testid="add-trainer-panel">
            <h3 id="add-trainer-heading" ref={heading} tabIndex={-1}>
              {tx.addHeading}
            </h3>
            <TrainerForm
              existingIds={registry.status === 'ready' ? registry.data.items.map((tr) => tr.id) : undefined}
              onSaved={() => {
                reload();
                closeForm();
              }}
              onCancel={closeForm}
            />
          </section>
        )}
        <RegistryFiltersForm value={filters} onApply={applyFilters} />
        <AsyncView resource={registry} retry={reload}>
          {(r) => <RegistryTables items={r.items} filters={filters} />}
        </AsyncView>
      </section>
    </>
  );
}
