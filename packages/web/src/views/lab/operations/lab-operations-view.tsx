import './operations.css';
import { PageTitle } from '../../../components/page-title.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Link } from '../../../router.tsx';
import { AuditLog } from './audit-log.tsx';
import { FailedNotifications } from './failed-notifications.tsx';
import { LrsClients } from './lrs-clients.tsx';
import { RgpdRequests } from './rgpd-requests.tsx';
import { type OperationsTexts, useTexts } from './texts.ts';

/**
 * The cockpit's operations section, `/lab/operations<rest>`, one page per task (each loads only its own data):
 * - `''` or `/notifications`  failed notifications, with why, for whom and when — region `failed-notifications`;
 * - `/lrs`                    LRS client credentials: create, rotate, revoke; secrets shown once — `lrs-clients`;
 * - `/audit`                  the audit log, a month at a time, paged — region `audit-log`;
 * - `/rgpd`                   a person's data export and erasure — region `rgpd`.
 * Anything else under the section is "page not found".
 */
const PAGES: { rest: string; label: (tx: OperationsTexts) => string }[] = [
  { rest: '', label: (tx) => tx.navNotifications },
  { rest: '/lrs', label: (tx) => tx.navLrs },
  { rest: '/audit', label: (tx) => tx.navAudit },
  { rest: '/rgpd', label: (tx) => tx.navRgpd },
];

export function LabOperationsView({ rest }: { rest: string }) {
  const { t } = useI18n();
  const tx = useTexts();
  const current = rest === '/notifications' ? '' : rest.replace(/\/+$/, '');
  const page =
    current === '' ? (
      <FailedNotifications />
    ) : current === '/lrs' ? (
      <LrsClients />
    ) : current === '/audit' ? (
      <AuditLog />
    ) : current === '/rgpd' ? (
      <RgpdRequests />
    ) : (
      <>
        <PageTitle>{t.notFoundTitle}</PageTitle>
        <p>{t.notFoundText}</p>
      </>
    );
  return (
    <>
      <nav class="subnav ops-subnav" aria-label={tx.navLabel}>
        <ul>
          {PAGES.map((p) => (
            <li key={p.rest}>
              <Link to={`/lab/operations${p.rest}`} aria-current={p.rest === current ? 'page' : undefined}>
                {p.label(tx)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {page}
    </>
  );
}
