import { notFound } from '@parcours/domain/errors';
import { planCancel } from '@parcours/domain/lms/seats';
import type { EnrolmentItem } from './enrolment-item.ts';
import { contention, getEnrolment, waitlistOrder } from './enrolment-repo.ts';
import { type TransactItem, transactWrite } from './gateway.ts';
import { RETRY, withOptimisticRetry } from './optimistic.ts';
import { changeOps, conditionFailures, type SeatOp, type SeatTag } from './seat-ops.ts';
import { getSessionItem } from './session-item.ts';

export interface CancelOutcome {
  enrolment: EnrolmentItem;
  /** The learner promoted from the head of the waitlist into the freed seat, if any. */
  promoted?: EnrolmentItem;
  changed: boolean;
}

/**
 * Cancels an enrolment, by the domain's rules (`planCancel`): freeing a seat promotes the head of the waitlist IN THE
 * SAME TRANSACTION, so the seat is never free for a newcomer to grab while someone waits (no queue-jumping, no lost
 * seat). Every part is conditioned on what was read; a failed condition means someone else wrote meanwhile: read
 * again and plan again.
 */
export async function cancelEnrolment(input: {
  sessionId: string;
  learnerId: string;
  actorId: string;
  now: string;
  extraItems?: (cancelled: EnrolmentItem, promoted?: EnrolmentItem) => TransactItem[];
}): Promise<CancelOutcome> {
  const { sessionId, learnerId, actorId, now } = input;
  return withOptimisticRetry(
    async () => {
      const [current, session] = await Promise.all([
        getEnrolment(sessionId, learnerId),
        getSessionItem(sessionId),
      ]);
      if (!current) throw notFound('enrolment');
      if (!session) throw notFound('session', sessionId);
      const headNeeded = current.status === 'enrolled' && session.waitlistLength > 0;
      const plan = planCancel({
        session,
        waitlist: headNeeded ? await waitlistOrder(sessionId, 1) : [],
        enrolment: current,
      });
      if (plan.kind === 'unchanged') return { enrolment: current, changed: false }; // idempotent retry
      if (plan.kind === 'reread') return RETRY;
      let promoted: EnrolmentItem | undefined;
      if (plan.promoted) {
        const head = await getEnrolment(sessionId, plan.promoted.learnerId);
        // The entry outlived its enrolment's waitlisted status for a moment (a concurrent change): read again.
        if (head?.status !== 'waitlisted') return RETRY;
        promoted = { ...head, status: 'enrolled', updatedAt: now, updatedBy: actorId };
      }
      const cancelled: EnrolmentItem = {
        ...current,
        status: 'cancelled',
        updatedAt: now,
        updatedBy: actorId,
      };
      const ops: SeatOp[] = [
        ...changeOps(sessionId, plan.change, { actorId, now }),
        ...(input.extraItems?.(cancelled, promoted) ?? []).map(
          (op): SeatOp => ({ tag: { kind: 'extra' }, op }),
        ),
      ];
      const outcome = await transactWrite<SeatTag>(ops);
      if (outcome.ok) return { enrolment: cancelled, ...(promoted ? { promoted } : {}), changed: true };
      // A missing booking copy is not a stale read (the enrolment engine writes both together): say so, not retry.
      const broken = conditionFailures(outcome.failures).filter((f) => f.tag.kind === 'booking');
      if (broken.length) {
        throw new Error(`cancel transaction: ${broken.map((f) => JSON.stringify(f.tag)).join(', ')} failed`);
      }
      return RETRY;
    },
    { onExhausted: contention },
  );
}
