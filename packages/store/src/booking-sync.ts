/**
 * After a session moves, every active learner's copies of its times follow: the enrolment item
 * (`sessionStart/End`) and the learner's booking copy (`start/end`, what the learner-level overlap rule reads).
 * The session carries `bookingSyncPending` from the move until this sync has finished, so an interrupted sync is
 * redone by the next update of the session.
 */
import { nowIso } from '@parcours/domain/clock';
import { isConditionFailure, LIMITS, transactWrite, update } from './gateway.ts';
import { keys } from './keys.ts';
import { packGroups, RETRY, withOptimisticRetry } from './optimistic.ts';
import { activeEnrolments, timesOp } from './session-enrolments.ts';
import { contention, type Op, shouldRetryBatch, unexpected } from './session-transaction.ts';

/**
 * Brings every active enrolment of a moved session to its new times. Transactions of ≤ 100 items, each guarded by
 * a check that the session still has those times: a slow sync of an older move can never overwrite the result of
 * a newer one. Returns false when superseded by another move.
 */
export async function syncBookingCopies(
  sessionId: string,
  start: string,
  end: string,
  by: string,
): Promise<boolean> {
  const missingCopies = new Set<string>();
  const check: Op = {
    tag: { kind: 'session-check' },
    op: {
      ConditionCheck: {
        Key: keys.session.item(sessionId),
        ConditionExpression: '#start = :start AND #end = :end',
        ExpressionAttributeNames: { '#start': 'start', '#end': 'end' },
        ExpressionAttributeValues: { ':start': start, ':end': end },
      },
    },
  };
  const done = await withOptimisticRetry(
    async () => {
      const now = nowIso();
      const learners = await activeEnrolments(sessionId);
      const groups: Op[][] = learners.map((l) => [
        timesOp(
          { kind: 'enrolment', learnerId: l.learnerId },
          keys.session.enrolment(sessionId, l.learnerId),
          { sessionStart: start, sessionEnd: end },
          by,
          now,
        ),
        ...(missingCopies.has(l.learnerId)
          ? []
          : [
              timesOp(
                { kind: 'booking-copy', learnerId: l.learnerId },
                keys.user.booking(l.learnerId, sessionId),
                { start, end },
                by,
                now,
              ),
            ]),
      ]);
      for (const batch of packGroups(groups, LIMITS.transaction - 1)) {
        const outcome = await transactWrite([check, ...batch]);
        if (outcome.ok) continue;
        if (
          outcome.failures.some((f) => f.tag.kind === 'session-check' && f.code === 'ConditionalCheckFailed')
        ) {
          return false;
        }
        if (shouldRetryBatch(outcome, missingCopies)) return RETRY;
        throw unexpected(outcome.failures);
      }
      return true;
    },
    { onExhausted: contention },
  );
  if (done) await clearSyncPending(sessionId, start, end);
  return done;
}

/** Clears the flag only if the session still has the times just synced (a newer move keeps its own flag). */
async function clearSyncPending(sessionId: string, start: string, end: string): Promise<void> {
  try {
    await update({
      Key: keys.session.item(sessionId),
      UpdateExpression: 'REMOVE #pending',
      ConditionExpression: '#start = :start AND #end = :end',
      ExpressionAttributeNames: { '#pending': 'bookingSyncPending', '#start': 'start', '#end': 'end' },
      ExpressionAttributeValues: { ':start': start, ':end': end },
    });
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
  }
}
