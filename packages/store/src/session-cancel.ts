/**
 * Cancelling a session: active enrolments (and their booking copies) become `session-cancelled`, the waitlist is
 * emptied, and the last transaction flips the session and releases its trainers and room together.
 */
import { nowIso } from '@parcours/domain/clock';
import { conflict } from '@parcours/domain/errors';
import { facilitationRelease } from './facilitation.ts';
import { transactWrite } from './gateway.ts';
import { keys } from './keys.ts';
import { RETRY, withOptimisticRetry } from './optimistic.ts';
import { roomBookingRelease } from './room-booking.ts';
import {
  activeEnrolments,
  bookingCopyCancelOp,
  enrolmentCancelOp,
  waitlistDropOp,
  waitlistKeys,
} from './session-enrolments.ts';
import { mustGetSession, type StoredSession } from './session-item.ts';
import { contention, type Op, packGroups, shouldRetryBatch, unexpected } from './session-transaction.ts';
import { setClause } from './update-expression.ts';

export interface CancelContext {
  by: string;
  reason?: string | undefined;
}

function sessionCancelOp(s: StoredSession, ctx: CancelContext, now: string): Op {
  const set = setClause({
    status: 'cancelled',
    cancelledAt: now,
    cancelledBy: ctx.by,
    cancelledReason: ctx.reason,
    updatedAt: now,
    updatedBy: ctx.by,
  });
  return {
    tag: { kind: 'session' },
    op: {
      Update: {
        Key: keys.session.item(s.id),
        UpdateExpression: `SET ${set.parts.join(', ')}, #version = #version + :one REMOVE #pending`,
        ConditionExpression: '#version = :readVersion AND #status = :scheduled',
        ExpressionAttributeNames: {
          ...set.names,
          '#version': 'version',
          '#status': 'status',
          '#pending': 'bookingSyncPending',
        },
        ExpressionAttributeValues: {
          ...set.values,
          ':one': 1,
          ':readVersion': s.version,
          ':scheduled': 'scheduled',
        },
      },
    },
  };
}

/**
 * One pass over the session: closes what is active and, if the session is still scheduled, flips it. Returns
 * whether it flipped the session. A crash mid-way leaves the session `scheduled`, so a retry redoes what is left.
 */
function cancelPass(id: string, ctx: CancelContext, missingCopies: Set<string>): Promise<boolean> {
  return withOptimisticRetry(
    async () => {
      const now = nowIso();
      const s = await mustGetSession(id);
      if (s.status === 'completed') {
        throw conflict('session-not-modifiable', `Session '${id}' is completed: it cannot be cancelled`, {
          status: s.status,
        });
      }
      const [enrolments, waitlist] = await Promise.all([activeEnrolments(id), waitlistKeys(id)]);
      const groups: Op[][] = enrolments.map((e) => [
        enrolmentCancelOp(id, e.learnerId, ctx.by, now),
        ...(missingCopies.has(e.learnerId) ? [] : [bookingCopyCancelOp(id, e.learnerId, ctx.by, now)]),
      ]);
      for (const k of waitlist) groups.push([waitlistDropOp(k)]);
      if (s.status === 'scheduled') {
        // Releasing the agendas goes with the status flip: a session is never scheduled without its bookings.
        groups.push([
          ...s.facilitators.map((f) => facilitationRelease(f.trainerId, id)),
          roomBookingRelease(s.siteId, s.roomId, id),
          sessionCancelOp(s, ctx, now),
        ]);
      }
      for (const batch of packGroups(groups)) {
        const outcome = await transactWrite(batch);
        if (outcome.ok) continue;
        if (shouldRetryBatch(outcome, missingCopies)) return RETRY;
        throw unexpected(outcome.failures);
      }
      return s.status === 'scheduled';
    },
    { onExhausted: contention },
  );
}

/**
 * Cancels a session. Cancelling a cancelled session also sweeps any enrolment that slipped in during the
 * cancellation, then returns the same view.
 */
export async function cancelSession(id: string, ctx: CancelContext): Promise<StoredSession> {
  const missingCopies = new Set<string>();
  // An enrolment committed between our read and the status flip would be left active: once the session is
  // cancelled no new one can arrive, so one more pass over the (now closed) session catches it.
  if (await cancelPass(id, ctx, missingCopies)) await cancelPass(id, ctx, missingCopies);
  return mustGetSession(id);
}
