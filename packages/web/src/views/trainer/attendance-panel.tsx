import { useEffect, useRef, useState } from 'preact/hooks';
import { apiJson } from '../../api/http.ts';
import type { Enrolment, Items, Session } from '../../api/types.ts';
import { useToken } from '../../auth/auth.tsx';
import { useAnnounce } from '../../components/announcer.tsx';
import { AsyncView, ErrorText } from '../../components/async-view.tsx';
import { formatSlot } from '../../format.ts';
import { useCatalog } from '../../hooks/use-catalog.ts';
import { useResource } from '../../hooks/use-resource.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Mark = 'present' | 'partial' | 'absent';
const MARKS: Mark[] = ['present', 'partial', 'absent'];
const SEATED = new Set(['enrolled', 'attended', 'partially-attended', 'no-show']);

function markOf(e: Enrolment): Mark | undefined {
  return e.status === 'attended'
    ? 'present'
    : e.status === 'partially-attended'
      ? 'partial'
      : e.status === 'no-show'
        ? 'absent'
        : undefined;
}

function AttendanceForm(props: { session: Session; enrolments: Enrolment[]; onSaved: () => void }) {
  const { t } = useI18n();
  const token = useToken();
  const announce = useAnnounce();
  const seated = props.enrolments.filter((e) => SEATED.has(e.status));
  const [marks, setMarks] = useState<Record<string, Mark | undefined>>(() =>
    Object.fromEntries(seated.map((e) => [e.learnerId, markOf(e)])),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const label = (m: Mark) => ({ present: t.markPresent, partial: t.markPartial, absent: t.markAbsent })[m];

  if (seated.length === 0) return <p>{t.attendanceNobody}</p>;

  const save = async (e: Event) => {
    e.preventDefault();
    const body = Object.entries(marks)
      .filter((x): x is [string, Mark] => x[1] !== undefined)
      .map(([learnerId, status]) => ({ learnerId, status }));
    if (body.length === 0) return;
    setBusy(true);
    setError(undefined);
    try {
      await apiJson(`/sessions/${props.session.id}/attendance`, { method: 'PUT', token, body });
      announce(t.attendanceSaved(body.filter((b) => b.status === 'present').length, seated.length));
      props.onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={save}>
      {seated.map((e) => (
        <fieldset class="attendance-row" key={e.learnerId} data-testid="attendance-row">
          <legend>{t.attendanceLegend(e.learnerId)}</legend>
          {MARKS.map((m) => (
            <span class="radio-inline" key={m}>
              <input
                type="radio"
                id={`att-${e.learnerId}-${m}`}
                name={`att-${e.learnerId}`}
                checked={marks[e.learnerId] === m}
                onChange={() => setMarks({ ...marks, [e.learnerId]: m })}
              />
              <label for={`att-${e.learnerId}-${m}`}>{label(m)}</label>
            </span>
          ))}
        </fieldset>
      ))}
      <button type="submit" class="btn btn-primary" disabled={busy}>
        {t.saveAttendance}
      </button>
      {error !== undefined && (
        <p role="alert" class="notice notice-error">
          <ErrorText error={error} />
        </p>
      )}
    </form>
  );
}

/** Taking attendance for one session: its seated learners, three choices each; focus lands on the heading. */
export function AttendancePanel(props: { session: Session; onClose: () => void; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const { moduleTitle } = useCatalog();
  const token = useToken();
  const heading = useRef<HTMLHeadingElement>(null);
  const s = props.session;
  const [enrolments, reload] = useResource(
    () => apiJson<Items<Enrolment>>(`/sessions/${s.id}/enrolments`, { token }),
    [s.id, token],
  );
  useEffect(() => heading.current?.focus(), [s.id]);
  return (
    <section class="panel" aria-labelledby="attendance-heading" data-testid="attendance-panel">
      <h3 id="attendance-heading" ref={heading} tabIndex={-1}>
        {t.attendanceHeading(moduleTitle(s.moduleId), formatSlot(s.start, s.end, locale))}
      </h3>
      <AsyncView resource={enrolments} retry={reload}>
        {(e) => (
          <AttendanceForm
            session={s}
            enrolments={e.items}
            onSaved={() => {
              reload();
              props.onSaved();
            }}
          />
        )}
      </AsyncView>
      <button type="button" class="btn btn-tertiary" onClick={props.onClose}>
        {t.closeAttendance}
      </button>
    </section>
  );
}
