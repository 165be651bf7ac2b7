import { randomUUID } from 'node:crypto';
import { conflict, notFound } from '@parcours/domain/errors';
import { type EnrolPlan, planEnrol, REENROLLABLE } from '@parcours/domain/lms/seats';
import type { EnrolmentItem, WaitlistEntryItem } from './enrolment-item.ts';
import type { Entity } from './entities.ts';
import {
  batchGet,
  get,
  type Item,
  queryAll,
  queryCount,
  queryPage,
  type TransactItem,
  transactWrite,
  update,
} from './gateway.ts';
import { keys } from './keys.ts';
import type { BookingItem } from './learner-items.ts';
import { RETRY, withOptimisticRetry } from './optimistic.ts';
import { countRetry } from './retry-policy.ts';
import {
  conditionFailures,
  type SeatOp,
  type SeatSnapshot,
  type SeatTag,
  seatSnapshot,
  sessionSeatOp,
} from './seat-ops.ts';
import { getSessionItem, type SessionItem } from './session-item.ts';

/** Extra items written in the same transaction as a state change (e.g. its xAPI statement). */
export type ExtraItems = (e: EnrolmentItem) => TransactItem[];

export function getEnrolment(sessionId: string, learnerId: string): Promise<EnrolmentItem | undefined> {
  return get<EnrolmentItem>({ Key: keys.session.enrolment(sessionId, learnerId), ConsistentRead: true });
}

/** Enrolment by id: GSI1 locates it, then a consistent Get reads the current state. */
export async function findEnrolmentById(enrolmentId: string): Promise<EnrolmentItem | undefined> {
  const { items } = await queryPage<EnrolmentItem>({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk = :sk',
    ExpressionAttributeValues: { ':pk': keys.enrolment.byId(enrolmentId).gsi1pk, ':sk': 'enrolment' },
    Limit: 1,
  });
  const hit = items[0];
  return hit ? getEnrolment(hit.sessionId, hit.learnerId) : undefined;
}

/** 1-based FIFO position of a waitlist ticket: a consistent count of the entries at or before it. */
export function waitlistPosition(sessionId: string, ticket: number): Promise<number> {
  return queryCount({
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: {
      ':pk': keys.session.partition(sessionId),
      ':from': keys.session.prefix.waitlist,
      ':to': keys.session.waitlistEntry(sessionId, ticket).sk,
    },
    ConsistentRead: true,
  });
}

/** The waitlist in FIFO order (consistent); `limit`: only its first entries. */
export async function waitlistOrder(
  sessionId: string,
  limit?: number,
): Promise<{ ticket: number; learnerId: string; sk: string }[]> {
  const input = {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: {
      ':pk': keys.session.partition(sessionId),
      ':p': keys.session.prefix.waitlist,
    },
    ConsistentRead: true,
  };
  const items = limit
    ? (await queryPage<WaitlistEntryItem>({ ...input, Limit: limit })).items
    : await queryAll<WaitlistEntryItem>(input);
  return items.map((it) => ({
    ticket: Number(it.ticket),
    learnerId: String(it.learnerId),
    sk: String(it.sk),
  }));
}

export function listSessionEnrolments(sessionId: string): Promise<EnrolmentItem[]> {
  return queryAll<EnrolmentItem>({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: {
      ':pk': keys.session.partition(sessionId),
      ':p': keys.session.prefix.enrolment,
    },
    ConsistentRead: true,
  });
}

interface TicketCounterItem {
  pk: string;
  sk: string;
  entity: Extract<Entity, 'ticket-counter'>;
  next: number;
}

/** What an enrolment request reads of its session: the session, and how many tickets were issued at that moment. */
export interface SeatRead {
  session: SessionItem;
  ticketsIssued: number;
}

/** The session and its ticket counter in one consistent read (see `EnrolInput.arrival`). */
export async function readSeatState(sessionId: string): Promise<SeatRead | undefined> {
  const counterKey = keys.session.ticketCounter(sessionId);
  const items = await batchGet<Item>([keys.session.item(sessionId), counterKey], { consistent: true });
  const session = items.find((i) => i['sk'] === 'session') as SessionItem | undefined;
  const counter = items.find((i) => i['sk'] === counterKey.sk) as TicketCounterItem | undefined;
  return session ? { session, ticketsIssued: Number(counter?.next ?? 0) } : undefined;
}

/** The request's arrival ticket: an atomic counter outside transactions (it never conflicts), 1, 2, 3… */
export async function takeTicket(sessionId: string): Promise<number> {
  const r = await update({
    Key: keys.session.ticketCounter(sessionId),
    UpdateExpression: 'ADD #n :one SET entity = :entity',
    ExpressionAttributeNames: { '#n': 'next' },
    ExpressionAttributeValues: { ':one': 1, ':entity': 'ticket-counter' },
    ReturnValues: 'UPDATED_NEW',
  });
  return Number(r?.['next']);
}

export interface EnrolInput {
  session: SessionItem;
  learnerId: string;
  /** The request's ticket, and the tickets issued when `session` was read (`readSeatState`). */
  arrival: { ticket: number; ticketsIssued: number };
  /** The learner's enrolment in this session, when the caller read it (a retry of the request). */
  current?: EnrolmentItem | undefined;
  pathId?: string;
  learnerService?: string | undefined;
  actorId: string;
  now: string;
  /** Learner lock version the rules were checked against. */
  lockVersion: number;
  /** Re-reads the learner's partition and re-checks the rules; returns the new lock version. */
  recheck: () => Promise<number>;
  extraItems?: ExtraItems;
}

export type EnrolOutcome = { created: boolean; enrolment: EnrolmentItem };

export const contention = () =>
  conflict('enrolment-contention', 'The session is too busy right now; please retry');

/** The writes of a seat or waitlist plan: session, enrolment, learner lock, booking copy, queue entry, path. */
function enrolOps(
  input: EnrolInput,
  plan: Exclude<EnrolPlan, { kind: 'existing' }>,
  e: EnrolmentItem,
  lock: number,
) {
  const { learnerId, now } = input;
  const sessionId = e.sessionId;
  const booking: BookingItem = {
    ...keys.user.booking(learnerId, sessionId),
    entity: 'booking',
    learnerId,
    enrolmentId: e.id,
    sessionId,
    moduleId: e.moduleId,
    ...(e.pathId ? { pathId: e.pathId } : {}),
    status: e.status,
    start: e.sessionStart,
    end: e.sessionEnd,
    createdAt: now,
    updatedAt: now,
  };
  const ops: SeatOp[] = [
    sessionSeatOp(sessionId, plan.change, { returnOld: true }),
    {
      tag: { kind: 'enrolment', learnerId },
      op: {
        Put: {
          Item: e,
          // Only over nothing, or over a cancelled enrolment: a learner holds one place per session.
          ConditionExpression: 'attribute_not_exists(pk) OR #st IN (:c1, :c2)',
          ExpressionAttributeNames: { '#st': 'status' },
          ExpressionAttributeValues: { ':c1': 'cancelled', ':c2': 'session-cancelled' },
        },
      },
    },
    {
      tag: { kind: 'lock' },
      op: {
        Update: {
          Key: keys.user.enrolmentLock(learnerId),
          UpdateExpression: 'SET version = :next, entity = :lock',
          ConditionExpression: 'attribute_not_exists(version) OR version = :read',
          ExpressionAttributeValues: { ':next': lock + 1, ':read': lock, ':lock': 'lock' },
        },
      },
    },
    { tag: { kind: 'booking', learnerId }, op: { Put: { Item: booking } } },
    ...plan.change.enqueue.map(
      (q): SeatOp => ({
        tag: { kind: 'queue', ticket: q.ticket },
        op: {
          Put: {
            Item: {
              ...keys.session.waitlistEntry(sessionId, q.ticket),
              entity: 'waitlist-entry',
              sessionId,
              learnerId: q.learnerId,
              ticket: q.ticket,
              enrolmentId: e.id,
              createdAt: now,
            } satisfies WaitlistEntryItem,
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      }),
    ),
  ];
  if (input.pathId) {
    ops.push({
      tag: { kind: 'path' },
      op: {
        Update: {
          Key: keys.user.pathMembership(learnerId, input.pathId),
          UpdateExpression:
            'SET joinedAt = if_not_exists(joinedAt, :now), entity = :e, learnerId = :l, pathId = :p',
          ExpressionAttributeValues: {
            ':now': now,
            ':e': 'path-membership',
            ':l': learnerId,
            ':p': input.pathId,
          },
        },
      },
    });
  }
  for (const op of input.extraItems?.(e) ?? []) ops.push({ tag: { kind: 'extra' }, op });
  return ops;
}

/**
 * Takes a seat or a waitlist place, atomically; the seat rules are the domain's (`planEnrol`), this executes them.
 * One transaction per plan: the session's counters under the plan's guard (never more seated than the capacity; a
 * waitlist place only while no seat is free, so nobody jumps the queue), the enrolment (one per learner and
 * session), the learner's lock version (their rules were checked against it), the booking copy, the queue entry
 * (FIFO by the ticket taken on arrival), the path membership and the caller's extra items. When a condition fails
 * the transaction says which, by tag: a stale session (its current state comes back with the failure), the
 * learner's own active enrolment (a retry: it is returned, idempotent), or a learner lock moved (the rules are
 * re-checked); then it plans again.
 */
export async function enrol(input: EnrolInput): Promise<EnrolOutcome> {
  const { learnerId, actorId, now, arrival } = input;
  const sessionId = input.session.id;
  const enrolmentId = randomUUID();
  let seats: SeatSnapshot = input.session;
  let current = input.current;
  let lockVersion = input.lockVersion;
  // Requests that arrived between the session read and this one: the first plan takes them into account.
  let ahead = Math.max(0, arrival.ticket - 1 - arrival.ticketsIssued);

  const attempt = async (): Promise<EnrolOutcome | typeof RETRY> => {
    const plan = planEnrol({
      session: { ...seats, id: sessionId },
      learnerId,
      ticket: arrival.ticket,
      current: current?.status,
      concurrentAhead: ahead,
    });
    ahead = 0;
    if (plan.kind === 'existing') return { created: false, enrolment: current! };
    const s = input.session;
    const pathId = input.pathId ?? s.pathId;
    const enrolment: EnrolmentItem = {
      ...keys.session.enrolment(sessionId, learnerId),
      entity: 'enrolment',
      id: enrolmentId,
      sessionId,
      learnerId,
      moduleId: s.moduleId,
      ...(pathId ? { pathId } : {}),
      ...(input.learnerService ? { learnerService: input.learnerService } : {}),
      status: plan.kind === 'seat' ? 'enrolled' : 'waitlisted',
      ticket: arrival.ticket,
      // The times the guard checks: a move meanwhile fails the write, and the next plan copies the new ones.
      sessionStart: seats.start,
      sessionEnd: seats.end,
      createdAt: now,
      updatedAt: now,
      createdBy: actorId,
      updatedBy: actorId,
      ...keys.enrolment.byId(enrolmentId),
    };
    const outcome = await transactWrite<SeatTag>(enrolOps(input, plan, enrolment, lockVersion));
    if (outcome.ok) return { created: true, enrolment };
    const failed = conditionFailures(outcome.failures);
    const on = (kind: SeatTag['kind']) => failed.find((f) => f.tag.kind === kind);
    const unexpected = failed.filter((f) => !['session', 'enrolment', 'lock'].includes(f.tag.kind));
    if (unexpected.length) {
      throw new Error(
        `enrolment transaction cancelled: ${unexpected.map((f) => `${f.tag.kind}:${f.code}`).join(', ')}`,
      );
    }
    if (failed.length === 0 || on('session')) {
      // A stale plan, or contention the gateway could not get past: plan again on the session as it is now.
      const fresh = seatSnapshot(on('session')) ?? (await getSessionItem(sessionId));
      if (!fresh) throw notFound('session', sessionId);
      seats = fresh;
    }
    if (on('enrolment')) current = await getEnrolment(sessionId, learnerId);
    // A duplicate of this request holding the place moved the lock too: the next plan answers with it, unchecked.
    const duplicate = current !== undefined && !REENROLLABLE.has(current.status);
    if (on('lock') && !duplicate) lockVersion = await input.recheck();
    return RETRY;
  };

  // The first write is outside the retry budget: in a hot session it may wait its turn at the table for a while, and
  // what it found is all the next plan needs (re-planned at once). Later attempts back off with jitter.
  const first = await attempt();
  if (first !== RETRY) return first;
  countRetry();
  return withOptimisticRetry(attempt, { onExhausted: contention });
}
