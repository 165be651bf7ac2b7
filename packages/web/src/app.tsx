import { useEffect } from 'preact/hooks';
import { useAuth } from './auth/auth.tsx';
import { Layout } from './components/layout.tsx';
import { lazyView } from './components/lazy-view.tsx';
import { PageTitle } from './components/page-title.tsx';
import { useI18n } from './i18n/i18n.tsx';
import { Link, navigate, useLocation } from './router.tsx';
import { CallbackView } from './views/callback-view.tsx';
import { LabSection } from './views/lab/lab-nav.tsx';
import { allowedItems, NAV_ITEMS } from './views/nav-items.ts';
import { SignInView } from './views/sign-in-view.tsx';
import { SignedOutView } from './views/signed-out-view.tsx';

// One chunk per role's view: each person downloads only the views they can open.
const LearnerView = lazyView(() => import('./views/learner/learner-view.tsx').then((m) => m.LearnerView));
const TrainerView = lazyView(() => import('./views/trainer/trainer-view.tsx').then((m) => m.TrainerView));
const LabView = lazyView(() => import('./views/lab/lab-view.tsx').then((m) => m.LabView));
const HrView = lazyView(() => import('./views/hr/hr-view.tsx').then((m) => m.HrView));
const HrAgentView = lazyView(() => import('./views/hr/hr-agent-view.tsx').then((m) => m.HrAgentView));
const CatalogView = lazyView(() =>
  import('./views/learner/catalog/catalog-view.tsx').then((m) => m.CatalogView),
);
// The cockpit: one chunk per section.
const LabSessionsView = lazyView(() =>
  import('./views/lab/sessions/lab-sessions-view.tsx').then((m) => m.LabSessionsView),
);
const LabTrainersView = lazyView(() =>
  import('./views/lab/trainers/lab-trainers-view.tsx').then((m) => m.LabTrainersView),
);
const LabCatalogView = lazyView(() =>
  import('./views/lab/catalog/lab-catalog-view.tsx').then((m) => m.LabCatalogView),
);
const LabOperationsView = lazyView(() =>
  import('./views/lab/operations/lab-operations-view.tsx').then((m) => m.LabOperationsView),
);
const LabPeopleView = lazyView(() =>
  import('./views/lab/people/lab-people-view.tsx').then((m) => m.LabPeopleView),
);

/** `/lab/<section>/<rest>` → the section's view, given the rest of the path. */
function LabRoutes({ path }: { path: string }) {
  const [, , section = '', ...rest] = path.split('/');
  const tail = rest.length ? `/${rest.join('/')}` : '';
  const view =
    section === '' ? (
      <LabView />
    ) : section === 'sessions' ? (
      <LabSessionsView rest={tail} />
    ) : section === 'formateurs' ? (
      <LabTrainersView rest={tail} />
    ) : section === 'catalogue' ? (
      <LabCatalogView rest={tail} />
    ) : section === 'operations' ? (
      <LabOperationsView rest={tail} />
    ) : section === 'people' ? (
      <LabPeopleView rest={tail} />
    ) : null;
  return view ? <LabSection path={path}>{view}</LabSection> : <NotFound />;
}

function NotFound({ forbidden }: { forbidden?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <PageTitle>{t.notFoundTitle}</PageTitle>
      <p>{forbidden ? t.forbiddenText : t.notFoundText}</p>
      <p>
        <Link to="/">{t.backHome}</Link>
      </p>
    </>
  );
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function SignedInRoutes({ path }: { path: string }) {
  const auth = useAuth();
  const allowed = allowedItems(auth.hasRole);
  if (path === '/' || path === '/connexion' || path === '/callback')
    return <Redirect to={allowed[0]?.path ?? '/introuvable'} />;
  const item = NAV_ITEMS.find((i) => path === i.path || path.startsWith(`${i.path}/`));
  if (!item) return <NotFound />;
  if (!allowed.includes(item)) return <NotFound forbidden />;
  if (path === '/apprenant') return <LearnerView />;
  if (path === '/formateur') return <TrainerView />;
  if (path === '/lab' || path.startsWith('/lab/')) return <LabRoutes path={path} />;
  if (path === '/catalogue' || path.startsWith('/catalogue/'))
    return <CatalogView rest={path.slice('/catalogue'.length)} />;
  if (path === '/rh') return <HrView />;
  const agent = /^\/rh\/agents\/([^/]+)$/.exec(path);
  if (agent?.[1]) return <HrAgentView learnerId={decodeURIComponent(agent[1])} />;
  return <NotFound />;
}

export function App() {
  const auth = useAuth();
  const { t } = useI18n();
  const { path } = useLocation();
  let content = null;
  if (auth.status === 'checking') content = <p role="status">{t.loading}</p>;
  else if (path === '/callback')
    content = auth.status === 'signed-in' ? <Redirect to="/" /> : <CallbackView />;
  // Reached signed out, from the hosted UI's sign-out.
  else if (path === '/signed-out')
    content = auth.status === 'signed-in' ? <Redirect to="/" /> : <SignedOutView />;
  else if (auth.status === 'signed-out') content = <SignInView />;
  else content = <SignedInRoutes path={path} />;
  return <Layout>{content}</Layout>;
}
