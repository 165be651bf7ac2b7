/**
 * Cancelling a session, by the domain's rules (`planSessionCancel`): active enrolments (and their booking copies)
 * become `session-cancelled`, the waitlist is emptied, and the last transaction flips the session and releases its
 * trainers and room together.
 */
import { nowIso } from '@parcours/domain/clock';
import { planSessionCancel, type SeatChange } from '@parcours/domain/lms/seats';
import { waitlistOrder } from './enrolment-repo.ts';
import { facilitationRelease } from './facilitation.ts';
import { LIMITS, transactWrite } from './gateway.ts';
import { keys } from './keys.ts';
import { packGroups, RETRY, withOptimisticRetry } from './optimistic.ts';
import { roomBookingRelease } from './room-booking.ts';
import { sessionSeatExpression } from './seat-ops.ts';
import {
  activeEnrolments,
  bookingCopyCancelOp,
  enrolmentCancelOp,
  waitlistDropOp,
} from './session-enrolments.ts';
import { mustGetSession, type StoredSession } from './session-item.ts';
import { contention, type Op, shouldRetryBatch, unexpected } from './session-transaction.ts';
import { setClause } from './update-expression.ts';

export interface CancelContext {
  by: string;
  reason?: string | undefined;
}

/**
 * The status flip, under the plan's guard: the status and the counters as read. Every enrolment or cancellation
 * moves a counter, so one that committed after the read (and was not swept) fails the flip, and the pass reads
 * again; once the flip commits, no enrolment can arrive (an enrolment requires a scheduled session).
 */
function sessionCancelOp(s: StoredSession, plan: SeatChange, ctx: CancelContext, now: string): Op {
  const set = setClause({
    cancelledAt: now,
    cancelledBy: ctx.by,
    cancelledReason: ctx.reason,
    updatedAt: now,
    updatedBy: ctx.by,
  });
  const seat = sessionSeatExpression(plan);
  return {
    tag: { kind: 'session' },
    op: {
      Update: {
        Key: keys.session.item(s.id),
        UpdateExpression: `SET ${[...set.parts, ...seat.set, '#version = #version + :one'].join(', ')} REMOVE #pending`,
        ConditionExpression: ['#version = :readVersion', ...seat.conditions].join(' AND '),
        ExpressionAttributeNames: {
          ...set.names,
          ...seat.names,
          '#version': 'version',
          '#pending': 'bookingSyncPending',
        },
        ExpressionAttributeValues: { ...set.values, ...seat.values, ':one': 1, ':readVersion': s.version },
      },
    },
  };
}

/**
 * Closes what is active and, if the session is still scheduled, flips it. A crash mid-way leaves the session
 * `scheduled`, so a retry redoes what is left; cancelling a cancelled session sweeps anything still holding a place.
 */
export async function cancelSession(id: string, ctx: CancelContext): Promise<StoredSession> {
  // Booking copies found missing: not ours to create (the enrolment engine owns them), left out on the retry.
  const missingCopies = new Set<string>();
  await withOptimisticRetry(
    async () => {
      const now = nowIso();
      const s = await mustGetSession(id);
      const [enrolments, waitlist] = await Promise.all([activeEnrolments(id), waitlistOrder(id)]);
      const plan = planSessionCancel({ session: s, enrolments, waitlist });
      const groups: Op[][] = plan.transitions.map((t) => [
        enrolmentCancelOp(id, t.learnerId, ctx.by, now),
        ...(missingCopies.has(t.learnerId) ? [] : [bookingCopyCancelOp(id, t.learnerId, ctx.by, now)]),
      ]);
      for (const q of plan.dequeue) groups.push([waitlistDropOp(id, q.ticket)]);
      if (plan.status) {
        // Releasing the agendas goes with the status flip: a session is never scheduled without its bookings.
        groups.push([
          ...s.facilitators.map((f) => facilitationRelease(f.trainerId, id)),
          roomBookingRelease(s.siteId, s.roomId, id),
          sessionCancelOp(s, plan, ctx, now),
        ]);
      }
      for (const batch of packGroups(groups, LIMITS.transaction)) {
        const outcome = await transactWrite(batch);
        if (outcome.ok) continue;
        if (shouldRetryBatch(outcome, missingCopies)) return RETRY;
        throw unexpected(outcome.failures);
      }
      return true;
    },
    { onExhausted: contention },
  );
  return mustGetSession(id);
}
