import { must, useApi } from '../../../api/client.ts';
import { AsyncView } from '../../../components/async-view.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { useCatalog } from '../../../hooks/use-catalog.ts';
import { useResource } from '../../../hooks/use-resource.ts';
import { Link } from '../../../router.tsx';
import { SessionForm } from './session-form.tsx';
import { SESSIONS_PATH, sessionPath } from './session-helpers.ts';
import { useTexts } from './texts.ts';

/** /lab/sessions/nouvelle */
export function NewSessionPage() {
  const tx = useTexts();
  return (
    <>
      <PageTitle>{tx.newTitle}</PageTitle>
      <p>
        <Link to={SESSIONS_PATH}>{tx.backToList}</Link>
      </p>
      <SessionForm />
    </>
  );
}

/** /lab/sessions/<id>/modifier: the same form, filled with the session as loaded (its version included). */
export function EditSessionPage({ id }: { id: string }) {
  const tx = useTexts();
  const api = useApi();
  const { moduleTitle } = useCatalog();
  const [loaded, reload] = useResource(
    () =>
      Promise.all([
        must(api.GET('/sessions/{id}', { params: { path: { id } } })),
        // Only tells whether an override is on record already; the form works without it.
        must(api.GET('/sessions/{id}/staffing-check', { params: { path: { id } } })).then(
          (c) => c.override,
          () => undefined,
        ),
      ]),
    [api, id],
  );
  const title =
    loaded.status === 'ready' ? tx.editTitle(moduleTitle(loaded.data[0].moduleId)) : tx.editTitle('…');
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <p>
        <Link to={sessionPath(id)}>{tx.backToSession}</Link>
      </p>
      <AsyncView resource={loaded} retry={reload}>
        {([session, override]) =>
          session.status !== 'scheduled' ? (
            <p class="notice notice-info">{tx.closedNotice}</p>
          ) : (
            // A new version (after "reload" on a 409) rebuilds the form with the session's new values.
            <SessionForm
              key={session.version}
              session={session}
              {...(override ? { existingOverride: override } : {})}
              onReload={() => {
                reload();
                // The form is rebuilt: focus waits on the page's title, which stays.
                document.querySelector<HTMLElement>('h1.page-title')?.focus();
              }}
            />
          )
        }
      </AsyncView>
    </>
  );
}
