import { useRef } from 'preact/hooks';
import type { Session } from '../../../api/types.ts';
import { useCatalog } from '../../../hooks/use-catalog.ts';
import { useScrollable } from '../../../hooks/use-scrollable.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Link } from '../../../router.tsx';
import { instantToParis, type Month, monthWeeks, todayInParis } from './paris-time.ts';
import { dayLabel, monthLabel, sessionPath } from './session-helpers.ts';
import { StatusBadge, usePlace } from './sessions-table.tsx';
import { useTexts } from './texts.ts';

/**
 * The month as a grid: a table (caption, weekdays as column headers) whose cells list the day's sessions as links.
 * Each link's name says the day, time and module, so it makes sense out of the grid too (a links list).
 */
export function SessionCalendar(props: { month: Month; sessions: Session[] }) {
  const { locale } = useI18n();
  const tx = useTexts();
  const { moduleTitle } = useCatalog();
  const place = usePlace();
  const wrap = useRef<HTMLDivElement>(null);
  const scrollable = useScrollable(wrap);
  const today = todayInParis();
  const byDay = new Map<string, Session[]>();
  for (const s of props.sessions) {
    const day = instantToParis(s.start).date;
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }
  const caption = tx.calendarCaption(monthLabel(props.month, locale));

  return (
    <>
      {props.sessions.length === 0 && <p>{tx.noSessions}</p>}
      <div
        class="table-wrap"
        ref={wrap}
        {...(scrollable ? { tabIndex: 0, role: 'region', 'aria-label': caption } : {})}
      >
        <table class="session-calendar" data-testid="sessions-calendar">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {tx.weekdays.map((d, i) => (
                <th key={d} scope="col">
                  <span aria-hidden="true">{tx.weekdaysShort[i]}</span>
                  <span class="sr-only">{d}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthWeeks(props.month).map((week) => (
              <tr key={week.find(Boolean)}>
                {week.map((day, i) =>
                  day === undefined ? (
                    <td key={`empty-${String(i)}`} class="calendar-outside" />
                  ) : (
                    <td key={day} class={day === today ? 'calendar-today' : undefined}>
                      <span class="calendar-day" {...(day === today ? { 'aria-current': 'date' } : {})}>
                        {Number(day.slice(8))}
                        {day === today && <span class="sr-only">{tx.today}</span>}
                      </span>
                      {byDay.get(day) && (
                        <ul class="calendar-sessions">
                          {byDay.get(day)?.map((s) => (
                            <li key={s.id} class={`calendar-session session-${s.status}`}>
                              <Link to={sessionPath(s.id)}>
                                <span class="sr-only">{dayLabel(day, locale)}, </span>
                                {instantToParis(s.start).time}–{instantToParis(s.end).time}{' '}
                                {moduleTitle(s.moduleId)}
                              </Link>
                              <span class="calendar-meta">{place(s)}</span>
                              <span class="calendar-meta">
                                {tx.seatsShort(s.seatsLeft, s.capacity)}
                                {s.waitlistLength > 0 && ` · ${tx.waitlistShort(s.waitlistLength)}`}
                              </span>
                              <StatusBadge status={s.status} />
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
