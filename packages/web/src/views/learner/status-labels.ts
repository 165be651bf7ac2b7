import type { Enrolment, Progress } from '../../api/types.ts';
import type { Dictionary } from '../../i18n/fr.ts';

type ModuleStatus = Progress['paths'][number]['entryModule']['status'];

export function moduleStatusLabel(t: Dictionary, s: ModuleStatus): string {
  return {
    completed: t.moduleCompleted,
    enrolled: t.moduleEnrolled,
    waitlisted: t.moduleWaitlisted,
    'not-started': t.moduleNotStarted,
  }[s];
}

export function enrolmentStatusLabel(
  t: Dictionary,
  e: Pick<Enrolment, 'status' | 'waitlistPosition'>,
): string {
  switch (e.status) {
    case 'enrolled':
      return t.enrolmentEnrolled;
    case 'waitlisted':
      return t.enrolmentWaitlisted(e.waitlistPosition);
    case 'cancelled':
      return t.enrolmentCancelled;
    case 'attended':
      return t.enrolmentAttended;
    case 'partially-attended':
      return t.enrolmentPartial;
    case 'no-show':
      return t.enrolmentNoShow;
    case 'session-cancelled':
      return t.enrolmentSessionCancelled;
  }
}
