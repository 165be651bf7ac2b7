import type { Session, Trainer } from '../../../api/types.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { useCatalog } from '../../../hooks/use-catalog.ts';
import type { Resource } from '../../../hooks/use-resource.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Link } from '../../../router.tsx';
import { facilitatorRoleLabel } from '../../trainer/role-labels.ts';
import { formatShortSlot, roomOf, sessionPath, trainerName } from './session-helpers.ts';
import { useTexts } from './texts.ts';

/** The status in words, in a badge (never colour alone). */
export function StatusBadge({ status }: { status: Session['status'] }) {
  const tx = useTexts();
  return <span class={`badge session-status-${status}`}>{tx.status[status]}</span>;
}

/** "Site — Room" from the catalogue (ids until it has arrived). */
export function usePlace() {
  const { catalog, siteName } = useCatalog();
  return (s: Pick<Session, 'siteId' | 'roomId'>) => {
    const room = roomOf(
      catalog?.sites.find((x) => x.id === s.siteId),
      s.roomId,
    );
    return `${siteName(s.siteId)} — ${room?.name ?? s.roomId}`;
  };
}

/** The month's sessions as a table: the accessible primary view. */
export function SessionsTable(props: { month: string; sessions: Session[]; trainers: Resource<Trainer[]> }) {
  const { t, locale } = useI18n();
  const tx = useTexts();
  const { moduleTitle } = useCatalog();
  const place = usePlace();
  return (
    <div data-testid="sessions-list">
      {props.sessions.length === 0 ? (
        <p>{tx.noSessions}</p>
      ) : (
        <DataTable
          caption={tx.monthHeading(props.month)}
          captionHidden
          rows={props.sessions}
          rowKey={(s) => s.id}
          columns={[
            {
              header: t.module,
              rowHeader: true,
              // The link's name carries the date too: several sessions of one module are told apart.
              cell: (s) => (
                <Link to={sessionPath(s.id)}>
                  {moduleTitle(s.moduleId)}
                  <span class="sr-only">, {formatShortSlot(s.start, s.end, locale)}</span>
                </Link>
              ),
            },
            { header: tx.colWhen, cell: (s) => formatShortSlot(s.start, s.end, locale) },
            { header: tx.colPlace, cell: (s) => place(s) },
            {
              header: tx.colFacilitators,
              cell: (s) =>
                s.facilitators.length === 0
                  ? '—'
                  : s.facilitators
                      .map(
                        (x) =>
                          `${trainerName(props.trainers, x.trainerId)} (${facilitatorRoleLabel(t, x.role)})`,
                      )
                      .join(', '),
            },
            { header: tx.colSeats, cell: (s) => `${s.seatsLeft} / ${s.capacity}`, numeric: true },
            { header: tx.colWaitlist, cell: (s) => String(s.waitlistLength), numeric: true },
            { header: t.status, cell: (s) => <StatusBadge status={s.status} /> },
          ]}
        />
      )}
    </div>
  );
}
