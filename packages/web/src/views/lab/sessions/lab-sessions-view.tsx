import './sessions.css';
import { PageTitle } from '../../../components/page-title.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Link } from '../../../router.tsx';
import { EditSessionPage, NewSessionPage } from './session-form-pages.tsx';
import { SESSIONS_PATH } from './session-helpers.ts';
import { SessionPage } from './session-page.tsx';
import { SessionsListPage } from './sessions-list-page.tsx';
import { useTexts } from './texts.ts';

/**
 * The cockpit's "Sessions" section. `rest` is the path under /app/lab/sessions:
 *
 *   ''                       the month's sessions, as a list (default) or a calendar; month, filters and display
 *                            are in the query (`?mois=2026-03&module=…&site=…&formateur=…&statut=…&vue=calendrier`)
 *   '/nouvelle'              the form to schedule a session
 *   '/<sessionId>'           one session: facts, staffing, actions (move, capacity, cancel), enrolments, waitlist
 *   '/<sessionId>/modifier'  the same form, to move or edit it
 *
 * Session ids are generated (`s-…`), so they never collide with `nouvelle`.
 */
export function LabSessionsView({ rest }: { rest: string }) {
  const parts = rest.split('/').filter(Boolean).map(safeDecode);
  const [first, second] = parts;
  if (first === undefined) return <SessionsListPage />;
  if (parts.length === 1 && first === 'nouvelle') return <NewSessionPage />;
  if (parts.length === 1) return <SessionPage key={first} id={first} />;
  if (parts.length === 2 && second === 'modifier') return <EditSessionPage key={first} id={first} />;
  return <SectionNotFound />;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function SectionNotFound() {
  const { t } = useI18n();
  const tx = useTexts();
  return (
    <>
      <PageTitle>{t.notFoundTitle}</PageTitle>
      <p>{tx.notFound}</p>
      <p>
        <Link to={SESSIONS_PATH}>{tx.backToList}</Link>
      </p>
    </>
  );
}
