/**
 * Creating and moving a session: the session item and its agenda entries (facilitations, room booking) are
 * written in one transaction with the agenda locks they were checked against (schedule-lock.ts). A capacity change
 * follows the seat rules (`planCapacityChange`): seats added while people wait go to the head of the queue in the
 * same transaction, as many as fit, the rest right after (session-promotions.ts).
 */
import { randomBytes } from 'node:crypto';
import type { CreateSessionInput, UpdateSessionInput } from '@parcours/domain/api/sessions-api';
import { nowIso } from '@parcours/domain/clock';
import { catalog } from '@parcours/domain/content/catalog';
import { planCapacityChange, promotionsDue, type SeatChange } from '@parcours/domain/lms/seats';
import { newSessionId } from '@parcours/domain/lms/session-ids';
import { checkPlacement, planScheduleChange } from '@parcours/domain/lms/session-rules';
import { syncBookingCopies } from './booking-sync.ts';
import { catalogUseOp } from './catalog-writes.ts';
import { facilitationRelease, facilitationUpsert } from './facilitation.ts';
import { LIMITS, transactWrite } from './gateway.ts';
import { bodyHash, reserveIdempotency } from './idempotency-record.ts';
import { keys } from './keys.ts';
import { RETRY, withOptimisticRetry } from './optimistic.ts';
import { roomBookingRelease, roomBookingUpsert } from './room-booking.ts';
import { claimAgendas } from './schedule-lock.ts';
import { type SeatOp, sessionSeatExpression } from './seat-ops.ts';
import {
  getStoredSession,
  mustGetSession,
  type SessionRef,
  type StoredSession,
  sessionIndexKeys,
} from './session-item.ts';
import {
  committed,
  type PromotionItems,
  promotionRoom,
  promotionWrites,
  queueHeads,
  settlePromotions,
} from './session-promotions.ts';
import {
  archivedMeanwhile,
  contention,
  needsReread,
  type Op,
  type SeatingOp,
  unexpected,
} from './session-transaction.ts';
import { setClause } from './update-expression.ts';

/**
 * The module, path and site a session refers to exist, are not archived and fit together (throws 4xx otherwise),
 * in the programme revision this request loaded; the session's transaction re-checks module and site (`catalogUseOp`).
 */
function resolvePlacement(
  p: {
    moduleId: string;
    pathId?: string | undefined;
    siteId: string;
    roomId: string;
    capacity: number;
  },
  refuseArchived: { module: boolean; site: boolean },
) {
  const c = catalog();
  return checkPlacement({
    ...p,
    refuseArchived,
    module: c.modules.find((m) => m.id === p.moduleId),
    path: p.pathId !== undefined ? c.paths.find((x) => x.id === p.pathId) : undefined,
    site: c.sites.find((s) => s.id === p.siteId),
  });
}

/**
 * Creates a session and books its trainers and room atomically. With an idempotency key, a replay of the same
 * body returns the session created by the first request (`replayed: true`).
 */
export async function createSession(
  input: CreateSessionInput,
  ctx: { by: string; idempotencyKey?: string | undefined },
): Promise<{ session: StoredSession; replayed: boolean }> {
  let id = newSessionId(Date.now(), randomBytes(10));
  if (ctx.idempotencyKey !== undefined) {
    const r = await reserveIdempotency(
      'sessions-create',
      ctx.by,
      ctx.idempotencyKey,
      bodyHash(input),
      id,
      contention,
    );
    id = r.resourceId;
    if (!r.fresh) {
      const existing = await getStoredSession(id);
      if (existing) return { session: existing, replayed: true };
      // The first request failed or is still running: (re)try the creation under the reserved id.
    }
  }
  resolvePlacement(input, { module: true, site: true });

  return withOptimisticRetry(
    async () => {
      const now = nowIso();
      const item: StoredSession = {
        ...(keys.session.item(id) as { pk: string; sk: 'session' }),
        entity: 'session',
        id,
        moduleId: input.moduleId,
        ...(input.pathId !== undefined ? { pathId: input.pathId } : {}),
        start: input.start,
        end: input.end,
        siteId: input.siteId,
        roomId: input.roomId,
        capacity: input.capacity,
        status: 'scheduled',
        facilitators: input.facilitators,
        enrolledCount: 0,
        waitlistLength: 0,
        version: 1,
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.by,
        updatedBy: ctx.by,
        // Recorded for audit; the certified-lead rule that it overrides is checked elsewhere.
        ...(input.overrideNoCertifiedLead
          ? { overrides: [{ code: 'no-certified-lead', by: ctx.by, at: now }] }
          : {}),
        ...sessionIndexKeys({ id, moduleId: input.moduleId, siteId: input.siteId, start: input.start }),
      };
      const locks = await claimAgendas(
        id,
        item,
        input.facilitators.map((f) => f.trainerId),
        { siteId: item.siteId, roomId: item.roomId },
        ctx.by,
        now,
      );
      const ops: Op[] = [
        {
          tag: { kind: 'session' },
          op: {
            Put: {
              Item: item,
              ConditionExpression: 'attribute_not_exists(#pk)',
              ExpressionAttributeNames: { '#pk': 'pk' },
            },
          },
        },
        ...input.facilitators.map((f) => facilitationUpsert(item, f.trainerId, f.role, ctx.by, now)),
        roomBookingUpsert(item, ctx.by, now),
        ...locks,
        { tag: { kind: 'catalog-use', what: 'module' }, op: catalogUseOp('module', input.moduleId, now) },
        { tag: { kind: 'catalog-use', what: 'site' }, op: catalogUseOp('site', input.siteId, now) },
        ...(input.pathId !== undefined
          ? [
              {
                tag: { kind: 'catalog-use', what: 'path' } as const,
                op: catalogUseOp('path', input.pathId, now),
              },
            ]
          : []),
      ];
      const outcome = await transactWrite(ops);
      if (outcome.ok) return { session: item, replayed: false };
      archivedMeanwhile(outcome.failures);
      if (outcome.failures.some((f) => f.tag.kind === 'session' && f.code === 'ConditionalCheckFailed')) {
        // A concurrent request with the same idempotency key won the race: its session is ours.
        const existing = await getStoredSession(id);
        if (existing && ctx.idempotencyKey !== undefined) return { session: existing, replayed: true };
        if (ctx.idempotencyKey === undefined) id = newSessionId(Date.now(), randomBytes(10)); // id collision
        return RETRY;
      }
      if (outcome.transient || needsReread(outcome.failures)) return RETRY;
      throw unexpected(outcome.failures);
    },
    { onExhausted: contention },
  );
}

type Next = ReturnType<typeof planScheduleChange>['next'];

/**
 * The conditional update of the session item itself for a move or reconfiguration. The enrolment engine updates
 * the counters concurrently: only SET what changes. `seats`: a capacity change's plan, whose capacity, counters and
 * guard (the counters as read) ride on this update (an item appears once per transaction).
 */
function sessionMoveOp(
  current: StoredSession,
  next: Next,
  timeChanged: boolean,
  ctx: { by: string; now: string },
  seats: SeatChange | undefined,
): Op {
  const set = setClause({
    start: next.start,
    end: next.end,
    siteId: next.siteId,
    roomId: next.roomId,
    facilitators: next.facilitators,
    ...sessionIndexKeys({
      id: current.id,
      moduleId: current.moduleId,
      siteId: next.siteId,
      start: next.start,
    }),
    updatedAt: ctx.now,
    updatedBy: ctx.by,
    ...(timeChanged ? { bookingSyncPending: true } : {}),
  });
  const seat = seats ? sessionSeatExpression(seats) : undefined;
  return {
    tag: { kind: 'session' },
    op: {
      Update: {
        Key: keys.session.item(current.id),
        UpdateExpression: `SET ${[...set.parts, ...(seat?.set ?? []), '#version = #version + :one'].join(', ')}`,
        ConditionExpression: [
          '#version = :readVersion',
          ...(seat?.conditions ?? ['#status = :scheduled']),
        ].join(' AND '),
        ExpressionAttributeNames: {
          ...set.names,
          ...(seat ? seat.names : { '#status': 'status' }),
          '#version': 'version',
        },
        ExpressionAttributeValues: {
          ...set.values,
          ...(seat ? seat.values : { ':scheduled': 'scheduled' }),
          ':one': 1,
          ':readVersion': current.version,
        },
      },
    },
  };
}

/**
 * The seat part of a capacity change that fits in the `room` items left in the update's transaction: the plan, and
 * the promotions of the queue's heads into the added seats (with the caller's items for each).
 */
async function capacityWrites(
  current: StoredSession,
  next: Next,
  room: number,
  ctx: { by: string; now: string; promotionItems?: PromotionItems | undefined },
): Promise<{ change: SeatChange; ops: SeatOp[] } | typeof RETRY> {
  const due = Math.min(promotionsDue(current, next.capacity), promotionRoom(room));
  const waitlist = await queueHeads(current.id, due);
  return promotionWrites(
    { ...current, ...next },
    (max) => planCapacityChange({ session: current, waitlist, capacity: next.capacity, maxPromotions: max }),
    room,
    { by: ctx.by, now: ctx.now, items: ctx.promotionItems },
  );
}

/**
 * Moves or reconfigures a scheduled session. Agendas are re-checked for what changed, index keys rewritten,
 * bookings released and taken in one transaction; then the learners' booking copies follow, and the heads of the
 * queue take any seats still free (`promotionItems`: what each promotion writes besides the seat, as a promotion by
 * cancellation does).
 */
export async function updateSession(
  id: string,
  patch: UpdateSessionInput,
  ctx: { by: string; promotionItems?: PromotionItems | undefined },
): Promise<StoredSession> {
  let moved: { start: string; end: string } | undefined;
  await withOptimisticRetry(
    async () => {
      const now = nowIso();
      const current = await mustGetSession(id);
      const plan = planScheduleChange(current, patch);
      const next = plan.next;
      // A session already scheduled may still move when its module was archived since; not to an archived site.
      resolvePlacement(
        { moduleId: current.moduleId, ...next },
        { module: false, site: next.siteId !== current.siteId },
      );
      const ref: SessionRef = {
        id,
        moduleId: current.moduleId,
        pathId: current.pathId,
        siteId: next.siteId,
        roomId: next.roomId,
        start: next.start,
        end: next.end,
      };
      const locks = await claimAgendas(
        id,
        next,
        plan.trainersToCheck,
        plan.timeChanged || plan.roomChanged ? { siteId: next.siteId, roomId: next.roomId } : undefined,
        ctx.by,
        now,
      );
      const moves = plan.timeChanged || plan.roomChanged;
      const agenda: Op[] = [
        ...plan.removedTrainers.map((t) => facilitationRelease(t, id)),
        // Agenda entries copy the time and place: rewrite them all when those move, else only what changed.
        ...next.facilitators
          .filter(
            (f) =>
              moves || !current.facilitators.some((c) => c.trainerId === f.trainerId && c.role === f.role),
          )
          .map((f) => facilitationUpsert(ref, f.trainerId, f.role, ctx.by, now)),
        ...(plan.roomChanged ? [roomBookingRelease(current.siteId, current.roomId, id)] : []),
        ...(moves ? [roomBookingUpsert(ref, ctx.by, now)] : []),
        ...locks,
        // A new site is marked used and must not have been archived since this request loaded the programme.
        ...(next.siteId !== current.siteId
          ? [
              {
                tag: { kind: 'catalog-use', what: 'site' } as const,
                op: catalogUseOp('site', next.siteId, now),
              },
            ]
          : []),
      ];
      let seats: { change: SeatChange; ops: SeatOp[] } | undefined;
      if (next.capacity !== current.capacity) {
        const room = LIMITS.transaction - 1 - agenda.length; // the session's own op and the agenda's
        const w = await capacityWrites(current, next, room, { ...ctx, now });
        if (w === RETRY) return RETRY;
        seats = w;
      }
      const ops: SeatingOp[] = [
        sessionMoveOp(current, next, plan.timeChanged, { by: ctx.by, now }, seats?.change),
        ...agenda,
        ...(seats?.ops ?? []),
      ];
      const outcome = await transactWrite(ops);
      if (!outcome.ok) archivedMeanwhile(outcome.failures);
      if (committed(outcome) === RETRY) return RETRY;
      if (plan.timeChanged || current.bookingSyncPending) moved = { start: next.start, end: next.end };
      return true;
    },
    { onExhausted: contention },
  );
  if (moved) await syncBookingCopies(id, moved.start, moved.end, ctx.by);
  return settlePromotions(id, { by: ctx.by, items: ctx.promotionItems });
}
