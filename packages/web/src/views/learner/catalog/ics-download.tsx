import { useEffect, useMemo } from 'preact/hooks';
import { bookingIcs, type IcsBooking, icsFileName } from './ics.ts';

/**
 * A download link for one booking's calendar file: a Blob URL made in the browser (no route), released when the
 * link goes away. `startLocal` (Paris wall-clock) names the file after the day the learner sees.
 */
export function IcsDownload(props: {
  booking: IcsBooking;
  startLocal: string;
  label: string;
  context: string;
}) {
  const text = bookingIcs(props.booking);
  const url = useMemo(
    () => URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' })),
    [text],
  );
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <a class="btn btn-secondary btn-small" href={url} download={icsFileName(props.startLocal)}>
      {props.label}
      <span class="sr-only">{props.context}</span>
    </a>
  );
}
