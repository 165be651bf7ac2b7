/**
 * Seats that a session gains while people wait go to the head of its queue, by the domain's rules
 * (`planCapacityChange`, `planPromotions`). A capacity change promotes as many heads as fit in its own transaction;
 * `settlePromotions` promotes the rest, one transaction per round, until no seat is free while someone waits.
 * A promotion is the same write as a promotion by cancellation (enrolment-cancel.ts): the queue entry leaves, the
 * enrolment and its booking copy go from `waitlisted` to `enrolled` (the notification projection reads that change
 * from the stream), and the caller's items (its xAPI statement) go with it.
 */
import { nowIso } from '@parcours/domain/clock';
import {
  type PromotionPlan,
  planPromotions,
  promotionsDue,
  type QueueEntry,
  type SeatChange,
} from '@parcours/domain/lms/seats';
import type { EnrolmentItem } from './enrolment-item.ts';
import { waitlistOrder } from './enrolment-repo.ts';
import { batchGet, LIMITS, type TransactItem, type TransactOutcome, transactWrite } from './gateway.ts';
import { keys } from './keys.ts';
import { RETRY, withOptimisticRetry } from './optimistic.ts';
import { memberOps, type SeatOp, type SeatTag, sessionSeatOp } from './seat-ops.ts';
import { mustGetSession, type SessionItem, type StoredSession } from './session-item.ts';
import { contention, needsReread, type SeatingOp, unexpected } from './session-transaction.ts';

/** Items written with each promotion, in its transaction (e.g. its xAPI statement). */
export type PromotionItems = (promoted: EnrolmentItem, session: SessionItem, now: string) => TransactItem[];

export interface PromotionContext {
  by: string;
  now: string;
  items?: PromotionItems | undefined;
}

/** A promotion's own writes: the enrolment, its booking copy, the queue entry (`memberOps`). */
const OPS_PER_PROMOTION = 3;

/** The first `n` entries of the session's queue, FIFO (nothing read when none is due). */
export async function queueHeads(sessionId: string, n: number): Promise<QueueEntry[]> {
  return n > 0 ? waitlistOrder(sessionId, n) : [];
}

/** The most promotions `room` transaction items can hold, before the callers' items are counted. */
export const promotionRoom = (room: number) => Math.max(0, Math.floor(room / OPS_PER_PROMOTION));

/**
 * The writes of a promotion plan that fit in `room` transaction items: `plan(max)` plans at most `max` promotions
 * (pure, on the queue already read); when the callers' items make fewer fit, it is asked again with fewer. RETRY
 * when a queue entry outlived its enrolment's `waitlisted` status (a concurrent change): read again.
 */
export async function promotionWrites(
  session: SessionItem,
  plan: (max: number) => PromotionPlan | { kind: 'reread' },
  room: number,
  ctx: PromotionContext,
): Promise<{ change: SeatChange; ops: SeatOp[] } | typeof RETRY> {
  let p = plan(promotionRoom(room));
  if ('kind' in p) return RETRY;
  const read = p.promoted.length
    ? await batchGet<EnrolmentItem>(
        p.promoted.map((q) => keys.session.enrolment(session.id, q.learnerId)),
        { consistent: true },
      )
    : [];
  const byLearner = new Map(read.map((e) => [e.learnerId, e]));
  const extras: TransactItem[][] = [];
  let used = 0;
  for (const q of p.promoted) {
    const head = byLearner.get(q.learnerId);
    if (head?.status !== 'waitlisted') return RETRY;
    const promoted: EnrolmentItem = { ...head, status: 'enrolled', updatedAt: ctx.now, updatedBy: ctx.by };
    const items = ctx.items?.(promoted, session, ctx.now) ?? [];
    if (used + OPS_PER_PROMOTION + items.length > room) break;
    used += OPS_PER_PROMOTION + items.length;
    extras.push(items);
  }
  if (extras.length < p.promoted.length) {
    p = plan(extras.length);
    if ('kind' in p) return RETRY;
  }
  return {
    change: p.change,
    ops: [
      ...memberOps(session.id, p.change, { actorId: ctx.by, now: ctx.now }),
      ...extras.flat().map((op): SeatOp => ({ tag: { kind: 'extra' }, op })),
    ],
  };
}

/** A session transaction's outcome: done, or read again (a stale read, contention); anything else is a bug. */
export function committed(outcome: TransactOutcome<SeatingOp['tag']>): true | typeof RETRY {
  if (outcome.ok) return true;
  if (outcome.transient || needsReread(outcome.failures)) return RETRY;
  throw unexpected(outcome.failures);
}

/**
 * Promotes heads of the queue while seats are free and people wait (after a capacity change promoted only what fit
 * in its transaction, or one interrupted before its rounds ran), then returns the session as it is. One
 * transaction per round, under the counters read: a change meanwhile makes the round plan again.
 */
export async function settlePromotions(
  id: string,
  ctx: { by: string; items?: PromotionItems | undefined },
): Promise<StoredSession> {
  for (;;) {
    const round = await withOptimisticRetry(
      async (): Promise<{ settled?: StoredSession } | typeof RETRY> => {
        const now = nowIso();
        const s = await mustGetSession(id);
        const room = LIMITS.transaction - 1; // the session's own op
        const due = Math.min(promotionsDue(s), promotionRoom(room));
        if (due === 0) return { settled: s };
        const waitlist = await queueHeads(id, due);
        const writes = await promotionWrites(
          s,
          (max) => {
            const p = planPromotions({ session: s, waitlist, maxPromotions: max });
            // `due` > 0: the counters read owe seats, so never `settled` here; only a short queue read (`reread`).
            return 'kind' in p ? { kind: 'reread' } : p;
          },
          room,
          { ...ctx, now },
        );
        if (writes === RETRY) return RETRY;
        if (writes.change.transitions.length === 0) {
          throw new Error(`session ${id}: one promotion and its items exceed a transaction`);
        }
        const outcome = await transactWrite<SeatTag>([sessionSeatOp(id, writes.change), ...writes.ops]);
        return committed(outcome) === RETRY ? RETRY : {};
      },
      { onExhausted: contention },
    );
    if (round.settled) return round.settled;
  }
}
