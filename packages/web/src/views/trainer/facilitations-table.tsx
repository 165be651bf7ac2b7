import type { Facilitation } from '../../api/types.ts';
import { DataTable } from '../../components/data-table.tsx';
import { formatSlot } from '../../format.ts';
import { useCatalog } from '../../hooks/use-catalog.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { facilitatorRoleLabel } from './role-labels.ts';

/** Attendance opens at the start and closes `attendanceWindowDays` after the end (the API has the last word). */
export function attendanceOpen(f: Facilitation, windowDays: number, now = Date.now()): boolean {
  const start = Date.parse(f.session.start);
  const end = Date.parse(f.session.end);
  return f.session.status !== 'cancelled' && start <= now && now <= end + windowDays * 86_400_000;
}

export function FacilitationsTable(props: {
  caption: string;
  items: Facilitation[];
  testId: string;
  canTakeAttendance: (f: Facilitation) => boolean;
  onTakeAttendance: (f: Facilitation) => void;
}) {
  const { t, locale } = useI18n();
  const { moduleTitle, siteName } = useCatalog();
  return (
    <DataTable
      caption={props.caption}
      testId={props.testId}
      rows={props.items}
      rowKey={(f) => f.session.id}
      columns={[
        { header: t.date, cell: (f) => formatSlot(f.session.start, f.session.end, locale), rowHeader: true },
        { header: t.module, cell: (f) => moduleTitle(f.session.moduleId) },
        { header: t.place, cell: (f) => siteName(f.session.siteId) },
        { header: t.myRole, cell: (f) => facilitatorRoleLabel(t, f.role) },
        {
          header: t.enrolled,
          cell: (f) => `${f.session.enrolledCount} / ${f.session.capacity}`,
          numeric: true,
        },
        {
          header: t.actions,
          cell: (f) =>
            props.canTakeAttendance(f) ? (
              <button
                type="button"
                id={`take-${f.session.id}`}
                class="btn btn-secondary btn-small"
                onClick={() => props.onTakeAttendance(f)}
              >
                {t.takeAttendance}
                <span class="sr-only">
                  {t.attendanceContext(
                    moduleTitle(f.session.moduleId),
                    formatSlot(f.session.start, f.session.end, locale),
                  )}
                </span>
              </button>
            ) : null,
        },
      ]}
    />
  );
}
