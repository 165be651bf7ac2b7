import type { AttendanceInput, EnrolmentStatus } from '@parcours/domain/api/sessions-api';
import { nowIso } from '@parcours/domain/clock';
import { catalog } from '@parcours/domain/content/catalog';
import { conflict, forbidden, notFound } from '@parcours/domain/errors';
import { addDays } from '@parcours/domain/lms/time';
import { hasRole, type Principal } from '@parcours/domain/roles';
import {
  type AttendanceChange,
  cancellationInfo,
  getSessionItem,
  listSessionEnrolments,
  writeAttendance,
} from '@parcours/store';
import { lmsStatementItems } from './lms-statements.ts';

const MARK_TO_STATUS = { present: 'attended', partial: 'partially-attended', absent: 'no-show' } as const;
const MARKABLE: readonly EnrolmentStatus[] = ['enrolled', 'attended', 'partially-attended', 'no-show'];
const DEFAULT_WINDOW_DAYS = 7;

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
  if (session.status === 'cancelled') throw conflict('session-cancelled', 'The session was cancelled');
  const now = nowIso();
  const windowDays =
    catalog().paths.find((p) => p.id === session.pathId)?.attendanceWindowDays ?? DEFAULT_WINDOW_DAYS;
  const closes = addDays(session.end, windowDays);
  if (now < session.start)
    throw conflict('attendance-not-open', `Attendance opens when the session starts (${session.start})`, {
      opens: session.start,
    });
  if (now > closes)
    throw conflict('attendance-window-closed', `Attendance closed on ${closes}`, {
      closed: closes,
      windowDays,
    });

  const enrolments = new Map((await listSessionEnrolments(sessionId)).map((e) => [e.learnerId, e]));
  const problems: { learnerId: string; reason: string }[] = [];
  const changes: AttendanceChange[] = [];
  for (const m of marks) {
    const e = enrolments.get(m.learnerId);
    if (!e) problems.push({ learnerId: m.learnerId, reason: 'not-enrolled' });
    else if (!MARKABLE.includes(e.status))
      problems.push({ learnerId: m.learnerId, reason: `status-${e.status}` });
    else if (e.status !== MARK_TO_STATUS[m.status])
      changes.push({ enrolment: e, to: MARK_TO_STATUS[m.status] });
  }
  // All or nothing: one wrong learner and nothing is written, so the trainer fixes the sheet and resubmits.
  if (problems.length)
    throw conflict('attendance-rejected', 'Some learners cannot be marked: nothing was recorded', problems);
  const module = catalog().modules.find((x) => x.id === session.moduleId);
  if (!module) throw notFound('module', session.moduleId);
  if (changes.length) {
    try {
      await writeAttendance({
        session,
        module,
        changes,
        actorId: principal.userId,
        now,
        extraItems: (c) => [
          ...lmsStatementItems(
            c.to as 'attended' | 'partially-attended' | 'no-show',
            { ...c.enrolment, status: c.to },
            session,
            now,
          ),
          ...(c.to === 'attended'
            ? lmsStatementItems('completed', { ...c.enrolment, status: c.to }, session, now)
            : []),
        ],
      });
    } catch (e) {
      if (cancellationInfo(e)?.conditionFailedAt.length) {
        throw conflict(
          'attendance-conflict',
          'Attendance was changed by someone else meanwhile; reload and retry',
        );
      }
      throw e;
    }
  }
  const changed = new Map(changes.map((c) => [c.enrolment.learnerId, c.to]));
  return {
    items: marks.map((m) => {
      const status = changed.get(m.learnerId) ?? enrolments.get(m.learnerId)!.status;
      return { learnerId: m.learnerId, status, completed: status === 'attended' };
    }),
  };
}
