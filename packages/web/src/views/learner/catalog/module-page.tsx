import { AsyncView } from '../../../components/async-view.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Link } from '../../../router.tsx';
import { useCatalogData, useProgress } from './catalog-data.ts';
import { ModuleFacts } from './module-facts.tsx';
import { ModuleSessions } from './module-sessions.tsx';
import { useTexts } from './texts.ts';

/** One module of the catalogue: what it is, then its upcoming sessions to book. */
export function ModulePage({ moduleId }: { moduleId: string }) {
  const { text } = useI18n();
  const tx = useTexts();
  const [data, reload] = useCatalogData();
  const [progress, reloadProgress] = useProgress();
  const module = data.status === 'ready' ? data.data.modules.find((m) => m.id === moduleId) : undefined;
  const offered = module && !module.archived ? module : undefined;
  return (
    <>
      <p>
        <Link to="/catalogue">{tx.backToCatalog}</Link>
      </p>
      <PageTitle>{offered ? text(offered.title) : tx.title}</PageTitle>
      <AsyncView resource={data} retry={reload}>
        {(c) =>
          !offered ? (
            <p class="notice notice-info">{tx.moduleNotFound}</p>
          ) : (
            <>
              <p>
                <span class="badge">
                  <span class="sr-only">{tx.themePrefix}</span>
                  {tx.themeName(offered.theme)}
                </span>
              </p>
              <p>{text(offered.summary)}</p>
              <ModuleFacts module={offered} catalog={c} full />
              <section aria-labelledby="module-sessions-heading" data-testid="module-sessions">
                <h2 id="module-sessions-heading">{tx.sessionsHeading}</h2>
                <ModuleSessions
                  module={offered}
                  modules={c.modules}
                  sites={c.sites}
                  progress={progress.status === 'ready' ? progress.data : undefined}
                  onBooked={reloadProgress}
                />
              </section>
            </>
          )
        }
      </AsyncView>
    </>
  );
}
