import type { AttendanceInput } from '@parcours/domain/api/sessions-api';
import { nowIso } from '@parcours/domain/clock';
import { catalog } from '@parcours/domain/content/catalog';
import { conflict, forbidden, notFound } from '@parcours/domain/errors';
import {
  checkAttendanceOpen,
  DEFAULT_ATTENDANCE_WINDOW_DAYS,
  planAttendance,
} from '@parcours/domain/lms/attendance-plan';
import { hasRole, type Principal } from '@parcours/domain/roles';
import { getSessionItem, listSessionEnrolments, writeAttendance } from '@parcours/store';
import { lmsStatementItems } from './lms-statements.ts';

/** Facilitators who run the session (not shadows or observers) may take attendance; the lab always. */
export async function takeAttendance(principal: Principal, sessionId: string, marks: AttendanceInput) {
  const session = await getSessionItem(sessionId);
  if (!session) throw notFound('session', sessionId);
  const runsIt = session.facilitators.some(
    (f) => f.trainerId === principal.userId && (f.role === 'lead' || f.role === 'co-facilitator'),
  );
  if (!hasRole(principal, 'lab') && !runsIt) {
    throw forbidden(
      "Only the session's lead or co-facilitators (and the lab) take attendance",
      'not-session-facilitator',
    );
  }
  const now = nowIso();
  const windowDays =
    catalog().paths.find((p) => p.id === session.pathId)?.attendanceWindowDays ??
    DEFAULT_ATTENDANCE_WINDOW_DAYS;
  checkAttendanceOpen({ ...session, windowDays, now });

  const plan = planAttendance(await listSessionEnrolments(sessionId), marks);
  if (plan.kind === 'rejected') {
    throw conflict(
      'attendance-rejected',
      'Some learners cannot be marked: nothing was recorded',
      plan.problems,
    );
  }
  const module = catalog().modules.find((x) => x.id === session.moduleId);
  if (!module) throw notFound('module', session.moduleId);
  const outcome = await writeAttendance({
    session,
    module,
    changes: plan.changes,
    actorId: principal.userId,
    now,
    extraItems: (c) => [
      ...lmsStatementItems(c.to, { ...c.enrolment, status: c.to }, session, now),
      ...(c.to === 'attended'
        ? lmsStatementItems('completed', { ...c.enrolment, status: c.to }, session, now)
        : []),
    ],
  });
  if (!outcome.ok) {
    throw conflict(
      'attendance-conflict',
      'Attendance was changed by someone else meanwhile; reload and retry',
    );
  }
  return { items: plan.results };
}
