import { useEffect } from 'preact/hooks';
import { useApi } from '../../../api/client.ts';
import { useAnnounce } from '../../../components/announcer.tsx';
import { AsyncView } from '../../../components/async-view.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { useResource } from '../../../hooks/use-resource.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Link, navigate, useLocation } from '../../../router.tsx';
import { addMonths, currentMonth } from './paris-time.ts';
import { SessionCalendar } from './session-calendar.tsx';
import { monthLabel, NEW_PATH, SESSIONS_PATH, useTrainers } from './session-helpers.ts';
import { SessionsFilters } from './sessions-filters.tsx';
import {
  byTrainer,
  filtersFromSearch,
  filtersToSearch,
  type ListFilters,
  loadMonthSessions,
} from './sessions-query.ts';
import { SessionsTable } from './sessions-table.tsx';
import { useTexts } from './texts.ts';

/** The month's sessions: filters, month navigation, and a list (the default) or a calendar of the same sessions. */
export function SessionsListPage() {
  const { locale } = useI18n();
  const tx = useTexts();
  const api = useApi();
  const announce = useAnnounce();
  const { search } = useLocation();
  const f = filtersFromSearch(search);
  const [trainers] = useTrainers();
  // The address holds the state: replace (not push) so that Back leaves the page instead of replaying filters.
  const set = (next: Partial<ListFilters>) =>
    navigate(`${SESSIONS_PATH}${filtersToSearch({ ...f, ...next })}`, { replace: true });

  const [sessions, reload] = useResource(
    () => loadMonthSessions(api, f, tx.incomplete),
    [api, f.month, f.moduleId, f.site, f.status],
  );
  const month = monthLabel(f.month, locale);
  const shown = sessions.status === 'ready' ? byTrainer(sessions.data, f.trainerId) : undefined;
  // What arrived is said once, politely: the table or calendar itself is not a live region.
  useEffect(() => {
    if (shown) announce(tx.count(shown.length, month));
  }, [sessions, f.trainerId]);

  return (
    <>
      <PageTitle>{tx.listTitle}</PageTitle>
      <p class="sessions-toolbar">
        <Link to={NEW_PATH} class="btn btn-primary">
          {tx.newSession}
        </Link>
      </p>
      <SessionsFilters value={f} trainers={trainers} onApply={set} />
      <section aria-labelledby="sessions-month-heading">
        <div class="sessions-month-bar">
          <h2 id="sessions-month-heading">{tx.monthHeading(month)}</h2>
          <div class="sessions-month-nav">
            <button
              type="button"
              class="btn btn-secondary btn-small"
              onClick={() => set({ month: addMonths(f.month, -1) })}
            >
              <span aria-hidden="true">← </span>
              {tx.previousMonth}
            </button>
            <button
              type="button"
              class="btn btn-tertiary btn-small"
              onClick={() => set({ month: currentMonth() })}
            >
              {tx.thisMonth}
            </button>
            <button
              type="button"
              class="btn btn-secondary btn-small"
              onClick={() => set({ month: addMonths(f.month, 1) })}
            >
              {tx.nextMonth}
              <span aria-hidden="true"> →</span>
            </button>
          </div>
        </div>
        <fieldset class="sessions-view-toggle">
          <legend>{tx.viewLegend}</legend>
          {(['list', 'calendar'] as const).map((v) => (
            <span class="radio-inline" key={v}>
              <input
                type="radio"
                id={`sessions-view-${v}`}
                name="sessions-view"
                checked={f.view === v}
                onChange={() => set({ view: v })}
              />
              <label for={`sessions-view-${v}`}>{v === 'list' ? tx.viewList : tx.viewCalendar}</label>
            </span>
          ))}
        </fieldset>
        <AsyncView resource={sessions} retry={reload}>
          {() =>
            f.view === 'calendar' ? (
              <SessionCalendar month={f.month} sessions={shown ?? []} />
            ) : (
              <SessionsTable month={month} sessions={shown ?? []} trainers={trainers} />
            )
          }
        </AsyncView>
      </section>
    </>
  );
}
