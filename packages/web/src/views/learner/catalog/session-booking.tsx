import { useEffect, useRef, useState } from 'preact/hooks';
import { must, useApi } from '../../../api/client.ts';
import { ApiError } from '../../../api/http.ts';
import type { Enrolment, Module, Session, Site } from '../../../api/types.ts';
import { useAnnounce } from '../../../components/announcer.tsx';
import { ErrorText } from '../../../components/async-view.tsx';
import { formatSlot } from '../../../format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { IcsDownload } from './ics-download.tsx';
import { useTexts } from './texts.ts';

/** "Site, room" (or "Site, remote"): the session's place, in the list and in the calendar file. */
export function placeOf(session: Session, site: Site | undefined, roomWord: (r: string) => string): string {
  const room = site?.rooms.find((r) => r.id === session.roomId);
  const address = site?.address?.trim();
  return [site?.name ?? session.siteId, room ? roomWord(room.name) : undefined, address]
    .filter(Boolean)
    .join(', ');
}

function BookingError(props: { error: unknown; modules: Module[] }) {
  const { t, text } = useI18n();
  const tx = useTexts();
  const e = props.error;
  if (e instanceof ApiError) {
    const prereq = (e.details as { prerequisite?: unknown } | undefined)?.prerequisite;
    const prereqTitle =
      typeof prereq === 'string'
        ? text(props.modules.find((m) => m.id === prereq)?.title, prereq)
        : undefined;
    const words = tx.bookingError(e.code, prereqTitle);
    if (words) return <>{`${t.errorPrefix} ${words}`}</>;
  }
  return <ErrorText error={e} />;
}

/**
 * One upcoming session: when, where, seats; booking it (a seat, or the waitlist when full). Once booked, the status
 * and the calendar file of the booking replace the button, and focus moves to them.
 */
export function SessionBooking(props: {
  session: Session;
  module: Module;
  modules: Module[];
  site: Site | undefined;
  /** My active booking of this session, as listed by GET /me/enrolments. */
  booking: Enrolment | undefined;
  pathId: string | undefined;
  onBooked: () => void;
}) {
  const { t, text, locale } = useI18n();
  const tx = useTexts();
  const api = useApi();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  // The answer of my booking, shown until the list of my enrolments has caught up.
  const [justBooked, setJustBooked] = useState<Enrolment>();
  const statusLine = useRef<HTMLDivElement>(null);
  const s = props.session;
  const slot = formatSlot(s.start, s.end, locale);
  const place = placeOf(s, props.site, tx.room);
  const accessibility = props.site?.accessibility?.trim();
  const booking = props.booking ?? justBooked;
  const full = s.seatsLeft === 0;
  const moduleTitle = text(props.module.title);

  useEffect(() => {
    if (justBooked) statusLine.current?.focus();
  }, [justBooked]);

  const book = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const e = await must(
        api.POST('/sessions/{id}/enrolments', {
          params: { path: { id: s.id } },
          body: props.pathId ? { pathId: props.pathId } : {},
        }),
      );
      announce(
        e.status === 'waitlisted'
          ? tx.waitlisted(moduleTitle, e.waitlistPosition ?? 1)
          : tx.booked(moduleTitle, slot),
      );
      setJustBooked(e);
      props.onBooked();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="session catalog-session" data-testid="catalog-session" data-session-id={s.id}>
      <p class="session-when">{slot}</p>
      <p class="session-where">
        {props.site?.remote ? `${tx.remote} · ` : ''}
        {place} · {full ? t.waitlistLength(s.waitlistLength) : t.seatsLeft(s.seatsLeft)}
      </p>
      {accessibility && <p class="hint">{accessibility}</p>}
      {booking ? (
        <div class="catalog-booked" ref={statusLine} tabIndex={-1}>
          <p>
            <span class="badge badge-success">
              {booking.status === 'waitlisted' ? t.moduleWaitlisted : t.moduleEnrolled}
            </span>{' '}
            {booking.status === 'waitlisted'
              ? tx.youAreWaitlisted(booking.waitlistPosition)
              : tx.youAreEnrolled}
          </p>
          <IcsDownload
            booking={{
              enrolmentId: booking.id,
              start: booking.sessionStart,
              end: booking.sessionEnd,
              stamp: booking.createdAt,
              summary: moduleTitle,
              location: place,
              tentative: booking.status === 'waitlisted',
            }}
            startLocal={s.startLocal}
            label={tx.icsDownload}
            context={tx.icsContext(slot)}
          />
        </div>
      ) : (
        <button type="button" class="btn btn-primary" onClick={book} disabled={busy} aria-busy={busy}>
          {full ? tx.joinWaitlist : tx.book}
          <span class="sr-only">{tx.bookContext(slot)}</span>
        </button>
      )}
      {error !== undefined && (
        <p role="alert" class="notice notice-error">
          <BookingError error={error} modules={props.modules} />
        </p>
      )}
    </li>
  );
}
