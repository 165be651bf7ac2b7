import type { AttendanceCounts } from '@parcours/domain/transfer/delivery';
import type { Entity } from './entities.ts';
import { get, transactWrite } from './gateway.ts';
import { keys } from './keys.ts';

/**
 * Imported attendance (`transfer-session#<sid>` / `attendance-import`): sessions run before Parcours, whose
 * attendance is known as counts only, with no per-learner enrolment (the demo's history, docs/transfer.md). The
 * transfer's delivery fact reads them in place of enrolments.
 */
export interface AttendanceImportItem extends AttendanceCounts {
  pk: string;
  sk: 'attendance-import';
  entity: Extract<Entity, 'attendance-import'>;
  sessionId: string;
  importedBy: string;
  importedAt: string;
}

export async function getAttendanceImport(sessionId: string): Promise<AttendanceCounts | undefined> {
  const i = await get<AttendanceImportItem>({
    Key: keys.transfer.attendanceImport(sessionId),
    ConsistentRead: true,
  });
  return i
    ? { attended: Number(i.attended ?? 0), partial: Number(i.partial ?? 0), noShow: Number(i.noShow ?? 0) }
    : undefined;
}

/**
 * Records a scheduled session as delivered before Parcours: its attendance counts, and the session marked completed
 * (attendance taken by `takenBy` at `takenAt`), in one transaction, so the stream projection that derives the
 * delivery fact from the completed session always finds the counts. Throws if the session is no longer scheduled.
 */
export async function importDeliveredSession(
  sessionId: string,
  counts: AttendanceCounts,
  ctx: { by: string; takenBy: string; takenAt: string; now: string },
): Promise<void> {
  const item: AttendanceImportItem = {
    ...keys.transfer.attendanceImport(sessionId),
    sk: 'attendance-import',
    entity: 'attendance-import',
    sessionId,
    ...counts,
    importedBy: ctx.by,
    importedAt: ctx.now,
  };
  const outcome = await transactWrite<'attendance-import' | 'session'>([
    { tag: 'attendance-import', op: { Put: { Item: item } } },
    {
      tag: 'session',
      op: {
        Update: {
          Key: keys.session.item(sessionId),
          UpdateExpression:
            'SET #st = :completed, attendanceTakenAt = :at, attendanceTakenBy = :by, updatedAt = :now',
          ConditionExpression: '#st = :scheduled',
          ExpressionAttributeNames: { '#st': 'status' },
          ExpressionAttributeValues: {
            ':completed': 'completed',
            ':scheduled': 'scheduled',
            ':at': ctx.takenAt,
            ':by': ctx.takenBy,
            ':now': ctx.now,
          },
        },
      },
    },
  ]);
  if (outcome.ok) return;
  const why = outcome.failures.map((f) => `${f.tag}: ${f.code}`).join(', ') || 'contention';
  throw new Error(`could not import the attendance of session ${sessionId} (${why})`);
}
