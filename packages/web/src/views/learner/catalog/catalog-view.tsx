import { AsyncView } from '../../../components/async-view.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Link } from '../../../router.tsx';
import { useCatalogData, useProgress } from './catalog-data.ts';
import { ModuleCard } from './module-card.tsx';
import { ModulePage } from './module-page.tsx';
import { PathCard } from './path-card.tsx';
import { useTexts } from './texts.ts';
import './catalog.css';

/**
 * The learner's catalogue, under `/catalogue`:
 *   ''                → the paths (join one) and the modules on offer;
 *   '/modules/<id>'   → one module, its upcoming sessions (filter, book, calendar file).
 * Archived paths and modules are not on offer: hidden here (a module page of an archived one says so).
 */
export function CatalogView({ rest }: { rest: string }) {
  const module = /^\/modules\/([^/]+)$/.exec(rest)?.[1];
  if (module) return <ModulePage moduleId={decodeURIComponent(module)} />;
  if (rest === '') return <CatalogOverview />;
  return <CatalogNotFound />;
}

function CatalogNotFound() {
  const { t } = useI18n();
  const tx = useTexts();
  return (
    <>
      <PageTitle>{t.notFoundTitle}</PageTitle>
      <p>{t.notFoundText}</p>
      <p>
        <Link to="/catalogue">{tx.backToCatalog}</Link>
      </p>
    </>
  );
}

function CatalogOverview() {
  const tx = useTexts();
  const [data, reload] = useCatalogData();
  const [progress, reloadProgress] = useProgress();
  return (
    <>
      <PageTitle>{tx.title}</PageTitle>
      <p>{tx.intro}</p>
      <AsyncView resource={data} retry={reload}>
        {(c) => {
          const paths = c.paths.filter((p) => !p.archived);
          const modules = c.modules.filter((m) => !m.archived);
          return (
            <>
              <section aria-labelledby="catalog-paths-heading" data-testid="catalog-paths">
                <h2 id="catalog-paths-heading">{tx.pathsHeading}</h2>
                {paths.length === 0 ? (
                  <p>{tx.noPaths}</p>
                ) : (
                  <div class="cards">
                    {paths.map((p) => (
                      <PathCard
                        key={p.id}
                        path={p}
                        modules={c.modules}
                        progress={progress.status === 'ready' ? progress.data : undefined}
                        onJoined={reloadProgress}
                      />
                    ))}
                  </div>
                )}
              </section>
              <section aria-labelledby="catalog-modules-heading" data-testid="catalog-modules">
                <h2 id="catalog-modules-heading">{tx.modulesHeading}</h2>
                {modules.length === 0 ? (
                  <p>{tx.noModules}</p>
                ) : (
                  <div class="cards">
                    {modules.map((m) => (
                      <ModuleCard key={m.id} module={m} catalog={c} />
                    ))}
                  </div>
                )}
              </section>
            </>
          );
        }}
      </AsyncView>
    </>
  );
}
