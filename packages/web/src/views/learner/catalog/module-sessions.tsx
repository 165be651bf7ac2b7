import { useState } from 'preact/hooks';
import { useApi } from '../../../api/client.ts';
import type { Module, Progress, Site } from '../../../api/types.ts';
import { AsyncView } from '../../../components/async-view.tsx';
import { useResource } from '../../../hooks/use-resource.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { pathForBooking } from '../path-for-module.ts';
import { upcomingSessions, useMyBookings } from './catalog-data.ts';
import { SessionBooking } from './session-booking.tsx';
import { useTexts } from './texts.ts';

interface Filters {
  site: string;
  /** `YYYY-MM-DD`, compared with the session's Paris day (`startLocal`): the day the learner sees. */
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { site: '', from: '', to: '' };

/**
 * Every upcoming scheduled session of a module (all pages), filtered in the browser by place and days — the list
 * narrows as the learner chooses, and a polite status says how many remain. Each session is bookable.
 */
export function ModuleSessions(props: {
  module: Module;
  modules: Module[];
  sites: Site[];
  progress: Progress | undefined;
  onBooked: () => void;
}) {
  const { t } = useI18n();
  const tx = useTexts();
  const api = useApi();
  const moduleId = props.module.id;
  const [sessions, reloadSessions] = useResource(() => upcomingSessions(api, moduleId), [api, moduleId]);
  const [bookings, reloadBookings] = useMyBookings();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const siteOf = (id: string) => props.sites.find((s) => s.id === id);
  const set = (patch: Partial<Filters>) => setFilters({ ...filters, ...patch });

  const booked = () => {
    reloadSessions();
    reloadBookings();
    props.onBooked();
  };

  return (
    <AsyncView resource={sessions} retry={reloadSessions}>
      {(all) => {
        if (all.length === 0) return <p>{tx.noSessions}</p>;
        const siteIds = [...new Set(all.map((s) => s.siteId))];
        const shown = all.filter((s) => {
          const day = s.startLocal.slice(0, 10);
          return (
            (!filters.site || s.siteId === filters.site) &&
            (!filters.from || day >= filters.from) &&
            (!filters.to || day <= filters.to)
          );
        });
        return (
          <>
            <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label={t.filtersHeading}>
              <div class="field">
                <label for="catalog-filter-site">{tx.filterSite}</label>
                <select
                  id="catalog-filter-site"
                  value={filters.site}
                  onChange={(e) => set({ site: e.currentTarget.value })}
                >
                  <option value="">{tx.allSites}</option>
                  {siteIds.map((id) => (
                    <option key={id} value={id}>
                      {siteOf(id)?.name ?? id}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="catalog-filter-from">{tx.filterFrom}</label>
                <input
                  type="date"
                  id="catalog-filter-from"
                  value={filters.from}
                  onChange={(e) => set({ from: e.currentTarget.value })}
                />
              </div>
              <div class="field">
                <label for="catalog-filter-to">{tx.filterTo}</label>
                <input
                  type="date"
                  id="catalog-filter-to"
                  value={filters.to}
                  min={filters.from || undefined}
                  onChange={(e) => set({ to: e.currentTarget.value })}
                />
              </div>
              <button type="button" class="btn btn-tertiary" onClick={() => setFilters(NO_FILTERS)}>
                {tx.resetFilters}
              </button>
            </form>
            <p role="status" class="hint">
              {tx.sessionsShown(shown.length, all.length)}
            </p>
            {shown.length === 0 ? (
              <p>{tx.noSessionsMatch}</p>
            ) : (
              <ul class="session-list">
                {shown.map((s) => (
                  <SessionBooking
                    key={s.id}
                    session={s}
                    module={props.module}
                    modules={props.modules}
                    site={siteOf(s.siteId)}
                    booking={bookings.status === 'ready' ? bookings.data.get(s.id) : undefined}
                    pathId={pathForBooking(s, props.progress)}
                    onBooked={booked}
                  />
                ))}
              </ul>
            )}
          </>
        );
      }}
    </AsyncView>
  );
}
