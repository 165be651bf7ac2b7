import type { ComponentChildren } from 'preact';
import { must, useApi } from '../../../api/client.ts';
import type { Enrolment, Session, Trainer } from '../../../api/types.ts';
import { AsyncView } from '../../../components/async-view.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { formatSlot } from '../../../format.ts';
import { useCatalog } from '../../../hooks/use-catalog.ts';
import { type Resource, useResource } from '../../../hooks/use-resource.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Link } from '../../../router.tsx';
import { facilitatorRoleLabel } from '../../trainer/role-labels.ts';
import { EnrolmentsSection } from './enrolments-section.tsx';
import { SessionActions } from './session-actions.tsx';
import { formatShortSlot, roomOf, SESSIONS_PATH, trainerName, useTrainers } from './session-helpers.ts';
import { StatusBadge } from './sessions-table.tsx';
import {
  needsOverride,
  OverrideForm,
  type StaffingCheck,
  StaffingFindings,
  type StaffingState,
} from './staffing.tsx';
import { useTexts } from './texts.ts';

/** /lab/sessions/<id>: the facts, the staffing, the actions, then the enrolments and the waitlist. */
export function SessionPage({ id }: { id: string }) {
  const tx = useTexts();
  const { locale } = useI18n();
  const api = useApi();
  const { moduleTitle } = useCatalog();
  const [trainers] = useTrainers();
  const path = { params: { path: { id } } };
  const [session, reloadSession] = useResource(() => must(api.GET('/sessions/{id}', path)), [api, id]);
  const [enrolments, reloadEnrolments] = useResource(
    () => must(api.GET('/sessions/{id}/enrolments', path)).then((r) => r.items),
    [api, id],
  );
  const [staffing, reloadStaffing] = useResource(
    () => must(api.GET('/sessions/{id}/staffing-check', path)),
    [api, id],
  );
  // Any action may change seats, the waitlist and the staffing: everything is read again.
  const reloadAll = () => {
    reloadSession();
    reloadEnrolments();
    reloadStaffing();
  };
  const title =
    session.status === 'ready'
      ? tx.sessionTitle(
          moduleTitle(session.data.moduleId),
          formatShortSlot(session.data.start, session.data.end, locale),
        )
      : tx.listTitle;

  return (
    <>
      <PageTitle>{title}</PageTitle>
      <p>
        <Link to={SESSIONS_PATH}>{tx.backToList}</Link>
      </p>
      <AsyncView resource={session} retry={reloadSession}>
        {(s) => (
          <>
            {s.status === 'cancelled' && (
              <p class="notice notice-error">
                <strong>{tx.cancelledNotice}</strong>
              </p>
            )}
            <section aria-labelledby="session-facts-heading">
              <h2 id="session-facts-heading">{tx.factsHeading}</h2>
              <SessionFacts session={s} />
            </section>
            <section aria-labelledby="session-staffing-heading">
              <h2 id="session-staffing-heading">{tx.staffingPageHeading}</h2>
              <FacilitatorsList session={s} trainers={trainers} />
              <StaffingFindings state={stateOf(staffing)} nameOf={(x) => trainerName(trainers, x)} />
              {s.status === 'scheduled' && staffing.status === 'ready' && needsOverride(staffing.data) && (
                <OverrideForm sessionId={s.id} onSaved={reloadStaffing} />
              )}
            </section>
            {s.status === 'scheduled' && (
              <section aria-labelledby="session-actions-heading">
                <h2 id="session-actions-heading">{tx.actionsHeading}</h2>
                <SessionActions session={s} counts={countsOf(s, enrolments)} onChanged={reloadAll} />
              </section>
            )}
            <section aria-labelledby="session-enrolments-heading">
              <h2 id="session-enrolments-heading">{tx.enrolmentsHeading}</h2>
              <EnrolmentsSection
                session={s}
                enrolments={enrolments}
                retry={reloadEnrolments}
                onChanged={reloadAll}
              />
            </section>
          </>
        )}
      </AsyncView>
    </>
  );
}

function stateOf(r: Resource<StaffingCheck>): StaffingState {
  if (r.status === 'loading') return { pending: true };
  if (r.status === 'error') return { pending: false, error: r.error };
  return { pending: false, result: r.data };
}

/** Who would be told of a cancellation: from the enrolment list when loaded, else the session's own counters. */
function countsOf(s: Session, enrolments: Resource<Enrolment[]>): { enrolled: number; waitlisted: number } {
  if (enrolments.status !== 'ready') return { enrolled: s.enrolledCount, waitlisted: s.waitlistLength };
  return {
    enrolled: enrolments.data.filter((e) => e.status === 'enrolled').length,
    waitlisted: enrolments.data.filter((e) => e.status === 'waitlisted').length,
  };
}

function SessionFacts({ session: s }: { session: Session }) {
  const { t, locale } = useI18n();
  const tx = useTexts();
  const { catalog, moduleTitle, siteName } = useCatalog();
  const room = roomOf(
    catalog?.sites.find((x) => x.id === s.siteId),
    s.roomId,
  );
  const facts: [string, ComponentChildren][] = [
    [t.module, moduleTitle(s.moduleId)],
    [tx.when, formatSlot(s.start, s.end, locale)],
    [tx.site, siteName(s.siteId)],
    [tx.room, room ? tx.roomOption(room.name, room.capacity) : s.roomId],
    [tx.capacity, String(s.capacity)],
    [tx.enrolledCount, String(s.enrolledCount)],
    [tx.seatsLeft, String(s.seatsLeft)],
    [tx.waitlist, String(s.waitlistLength)],
    [t.status, <StatusBadge key="status" status={s.status} />],
  ];
  return (
    <dl class="facts session-facts" data-testid="session-facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function FacilitatorsList({ session, trainers }: { session: Session; trainers: Resource<Trainer[]> }) {
  const { t } = useI18n();
  const tx = useTexts();
  if (session.facilitators.length === 0) return <p>{tx.facilitatorsNone}</p>;
  return (
    <ul class="session-facilitators" data-testid="session-facilitators">
      {session.facilitators.map((f) => (
        <li key={f.trainerId}>
          {trainerName(trainers, f.trainerId)} — {facilitatorRoleLabel(t, f.role)}
        </li>
      ))}
    </ul>
  );
}
