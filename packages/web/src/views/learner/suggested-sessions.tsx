import { useState } from 'preact/hooks';
import { apiJson } from '../../api/http.ts';
import type { Enrolment, Progress, Session, Suggested } from '../../api/types.ts';
import { useToken } from '../../auth/auth.tsx';
import { useAnnounce } from '../../components/announcer.tsx';
import { ErrorText } from '../../components/async-view.tsx';
import { formatSlot } from '../../format.ts';
import { useCatalog } from '../../hooks/use-catalog.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { pathForBooking } from './path-for-module.ts';

function SessionRow(props: { session: Session; progress?: Progress; onBooked: (e: Enrolment) => void }) {
  const { t, locale } = useI18n();
  const { moduleTitle, siteName } = useCatalog();
  const token = useToken();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const s = props.session;
  const slot = formatSlot(s.start, s.end, locale);
  const full = s.seatsLeft === 0;

  const book = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const pathId = pathForBooking(s, props.progress);
      const e = await apiJson<Enrolment>(`/sessions/${s.id}/enrolments`, {
        method: 'POST',
        token,
        body: pathId ? { pathId } : {},
      });
      props.onBooked(e);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <li class="session" data-testid="suggested-session" data-session-id={s.id}>
      <p class="session-when">{slot}</p>
      <p class="session-where">
        {siteName(s.siteId)} · {full ? t.waitlistLength(s.waitlistLength) : t.seatsLeft(s.seatsLeft)}
      </p>
      <button type="button" class="btn btn-primary" onClick={book} disabled={busy} aria-busy={busy}>
        {full ? t.joinWaitlist : t.book}
        <span class="sr-only">{t.bookContext(moduleTitle(s.moduleId), slot)}</span>
      </button>
      {error !== undefined && (
        <p role="alert" class="notice notice-error">
          <ErrorText error={error} />
        </p>
      )}
    </li>
  );
}

/** The next sessions for the modules still needed; booking is one button per session. */
export function SuggestedSessions(props: {
  suggested: Suggested;
  progress?: Progress;
  onBooked: () => void;
}) {
  const { t } = useI18n();
  const { moduleTitle } = useCatalog();
  const announce = useAnnounce();
  const groups = props.suggested.items.filter((g) => g.sessions.length > 0);

  const booked = (e: Enrolment) => {
    const title = moduleTitle(e.moduleId);
    announce(e.status === 'waitlisted' ? t.waitlisted(title, e.waitlistPosition ?? 1) : t.booked(title));
    props.onBooked();
  };

  if (groups.length === 0) return <p>{t.noSuggestions}</p>;
  return (
    <>
      <p>{t.suggestedIntro}</p>
      {groups.map((g) => (
        <section key={g.moduleId} aria-labelledby={`sugg-${g.moduleId}`} class="card">
          <h3 id={`sugg-${g.moduleId}`}>
            {moduleTitle(g.moduleId)}{' '}
            <span class="badge">{g.reason === 'entry-module' ? t.reasonEntry : t.reasonElective}</span>
          </h3>
          <ul class="session-list">
            {g.sessions.map((s) => (
              <SessionRow
                key={s.id}
                session={s}
                {...(props.progress ? { progress: props.progress } : {})}
                onBooked={booked}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
