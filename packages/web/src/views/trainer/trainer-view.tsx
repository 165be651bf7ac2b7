import { useState } from 'preact/hooks';
import { apiJson } from '../../api/http.ts';
import type { Facilitation, Items } from '../../api/types.ts';
import { useToken } from '../../auth/auth.tsx';
import { AsyncView } from '../../components/async-view.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useCatalog } from '../../hooks/use-catalog.ts';
import { useResource } from '../../hooks/use-resource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AttendancePanel } from './attendance-panel.tsx';
import { attendanceOpen, FacilitationsTable } from './facilitations-table.tsx';
import { LadderProgress } from './ladder-progress.tsx';

const DEFAULT_WINDOW_DAYS = 7;
/** Past sessions shown: the recent ones, where attendance may still be taken or corrected. */
const PAST_SHOWN = 8;

/** The trainer's page: sessions to facilitate (and my role), attendance, my ladder progress and ratings. */
export function TrainerView() {
  const { t } = useI18n();
  const token = useToken();
  const { catalog } = useCatalog();
  const [items, reload] = useResource(
    () => apiJson<Items<Facilitation>>('/me/facilitations', { token }),
    [token],
  );
  const [selected, setSelected] = useState<Facilitation>();
  const windowDays = (f: Facilitation) =>
    catalog?.paths.find((p) => p.id === f.session.pathId)?.attendanceWindowDays ?? DEFAULT_WINDOW_DAYS;
  const canTake = (f: Facilitation) => attendanceOpen(f, windowDays(f));

  const close = () => {
    const id = selected?.session.id;
    setSelected(undefined);
    // Focus goes back to the button that opened the panel.
    setTimeout(() => id && document.getElementById(`take-${id}`)?.focus(), 0);
  };

  const now = new Date().toISOString();
  return (
    <>
      <PageTitle>{t.trainerTitle}</PageTitle>
      <section aria-labelledby="facilitations-heading">
        <h2 id="facilitations-heading">{t.facilitationsHeading}</h2>
        <AsyncView resource={items} retry={reload}>
          {(data) => {
            const active = data.items.filter((f) => f.session.status !== 'cancelled');
            const upcoming = active.filter((f) => f.session.end > now);
            const past = active.filter((f) => f.session.end <= now).slice(0, PAST_SHOWN);
            if (active.length === 0) return <p>{t.noFacilitations}</p>;
            const table = (caption: string, rows: Facilitation[], testId: string) =>
              rows.length > 0 && (
                <FacilitationsTable
                  caption={caption}
                  items={rows}
                  testId={testId}
                  canTakeAttendance={canTake}
                  onTakeAttendance={setSelected}
                />
              );
            return (
              <>
                {table(t.upcoming, upcoming, 'facilitations-upcoming')}
                {table(t.past, past, 'facilitations-past')}
              </>
            );
          }}
        </AsyncView>
        {selected && <AttendancePanel session={selected.session} onClose={close} onSaved={reload} />}
      </section>
      <section aria-labelledby="ladder-heading">
        <h2 id="ladder-heading">{t.ladderHeading}</h2>
        <LadderProgress />
      </section>
    </>
  );
}
