import { createHash, randomBytes } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type {
  CreateSessionInput,
  EnrolmentStatus,
  FacilitatorRole,
  listSessionsQuery,
  UpdateSessionInput,
} from '@parcours/domain/api/sessions-api';
import { ACTIVE_ENROLMENT_STATUSES } from '@parcours/domain/api/sessions-api';
import { nowIso } from '@parcours/domain/clock';
import { conflict, notFound } from '@parcours/domain/errors';
import { decodeCursor, encodeCursor, positionKey } from '@parcours/domain/lms/cursor';
import { canonicalJson } from '@parcours/domain/lms/idempotency';
import { newSessionId } from '@parcours/domain/lms/session-ids';
import {
  checkPlacement,
  findClash,
  matchesListFilters,
  monthBuckets,
  orderFacilitations,
  pathIncludesModule,
  planScheduleChange,
  resolveListRange,
  type ScheduleBooking,
} from '@parcours/domain/lms/session-rules';
import type { Interval } from '@parcours/domain/lms/time';
import type { z } from 'zod';
import { catalogRepo } from './catalog-repo.ts';
import { documentClient, tableName } from './client.ts';
import { type ItemKey, keys } from './keys.ts';
import { MicroCache } from './read-cache.ts';
import { getSessionItem, type SessionItem, sessionIndexKeys } from './session-item.ts';
import { TABLE } from './table.ts';
import {
  chunk,
  MAX_TRANSACTION_ITEMS,
  RETRY,
  type TaggedOp,
  type TransactItem,
  transactWrite,
  withOptimisticRetry,
} from './transact.ts';

/**
 * Sessions: creation, moves, cancellation, listings, and the trainers' and rooms' agendas that prevent
 * double-booking.
 *
 * Double-booking is prevented with per-agenda version locks (`lock#schedule` in the trainer's or the room's
 * partition): read the lock, then its bookings (consistent), decide, and commit the session, the bookings and
 * `version = read + 1` on every lock in one transaction conditioned on the versions read. Two concurrent writers
 * on the same agenda cannot both commit; the loser re-reads and either sees the clash (409) or proceeds.
 */

/** The stored session, with the attributes this repository adds to the shared SessionItem shape. */
export type StoredSession = SessionItem & {
  updatedBy: string;
  cancelledAt?: string;
  cancelledBy?: string;
  /** Set by a move, cleared once every active learner's booking copy carries the new times. */
  bookingSyncPending?: boolean;
};

export type ListSessionsInput = z.infer<typeof listSessionsQuery>;

type OpTag =
  | { kind: 'session' }
  | { kind: 'session-check' }
  | { kind: 'lock'; agenda: 'trainer' | 'room'; id: string }
  | { kind: 'facilitation'; trainerId: string }
  | { kind: 'room-booking' }
  | { kind: 'enrolment'; learnerId: string }
  | { kind: 'booking-copy'; learnerId: string }
  | { kind: 'waitlist' };
type Op = TaggedOp<OpTag>;

const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
const ACTIVE: readonly EnrolmentStatus[] = ACTIVE_ENROLMENT_STATUSES;

/** The calendar changes only with session items (times, counters, status): `session#<id>` partitions. */
const listingCache = new MicroCache<{ items: StoredSession[]; nextCursor?: string }>(1_000, (pk) =>
  pk.startsWith(keys.session.partitionPrefix),
);

const contention = () =>
  conflict('schedule-contention', 'Too many concurrent changes to the same agendas; retry in a moment');

// ---------------------------------------------------------------------------------------------------------------
// Expression helpers
// ---------------------------------------------------------------------------------------------------------------

/**
 * `SET #a0 = :a0, ...` for a record of attributes, with every name behind a placeholder (many attribute names
 * here, `start`, `end`, `status`, are DynamoDB reserved words).
 */
function setClause(attrs: Record<string, unknown>, prefix = 'a') {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts: string[] = [];
  Object.entries(attrs).forEach(([k, v], i) => {
    if (v === undefined) return;
    names[`#${prefix}${i}`] = k;
    values[`:${prefix}${i}`] = v;
    parts.push(`#${prefix}${i} = :${prefix}${i}`);
  });
  return { parts, names, values };
}

/** An upsert that keeps the first writer's `createdAt/createdBy` (a Put would overwrite them). */
function upsertOp(key: ItemKey, attrs: Record<string, unknown>, by: string, now: string): TransactItem {
  const set = setClause({ ...attrs, updatedAt: now, updatedBy: by });
  return {
    Update: {
      TableName: tableName(),
      Key: key,
      UpdateExpression: `SET ${[
        ...set.parts,
        '#createdAt = if_not_exists(#createdAt, :createdAt)',
        '#createdBy = if_not_exists(#createdBy, :createdBy)',
      ].join(', ')}`,
      ExpressionAttributeNames: { ...set.names, '#createdAt': 'createdAt', '#createdBy': 'createdBy' },
      ExpressionAttributeValues: { ...set.values, ':createdAt': now, ':createdBy': by },
    },
  };
}

function deleteOp(key: ItemKey): TransactItem {
  return { Delete: { TableName: tableName(), Key: key } };
}

async function queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>) {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await documentClient().send(
      new QueryCommand({ TableName: tableName(), ...input, ExclusiveStartKey: start }),
    );
    out.push(...((res.Items ?? []) as Record<string, unknown>[]));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Agendas (trainer facilitations, room bookings) and their locks
// ---------------------------------------------------------------------------------------------------------------

interface Agenda {
  kind: 'trainer' | 'room';
  /** trainerId, or `siteId/roomId`. */
  id: string;
  lockKey: ItemKey;
  partition: string;
  prefix: string;
}

const trainerAgenda = (trainerId: string): Agenda => ({
  kind: 'trainer',
  id: trainerId,
  lockKey: keys.trainer.scheduleLock(trainerId),
  partition: keys.trainer.partition(trainerId),
  prefix: keys.trainer.prefix.facilitation,
});

const roomAgenda = (siteId: string, roomId: string): Agenda => ({
  kind: 'room',
  id: `${siteId}/${roomId}`,
  lockKey: keys.room.scheduleLock(siteId, roomId),
  partition: keys.room.partition(siteId, roomId),
  prefix: keys.room.prefix.booking,
});

/**
 * The lock version, THEN the bookings overlapping the window. This order matters: every booking write bumps the
 * lock in the same transaction, so a booking committed after our lock read makes our conditional bump fail,
 * and one committed before it is visible to the consistent Query that follows.
 */
async function readAgenda(
  a: Agenda,
  window: Interval,
): Promise<{ version: number; bookings: ScheduleBooking[] }> {
  const lock = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: a.lockKey, ConsistentRead: true }),
  );
  const version = typeof lock.Item?.['version'] === 'number' ? lock.Item['version'] : 0;
  const items = await queryAll({
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
    // Only bookings that can overlap: past ones accumulate forever in a trainer's partition.
    FilterExpression: '#start < :end AND #end > :start',
    ProjectionExpression: '#sessionId, #start, #end',
    ExpressionAttributeNames: {
      '#pk': 'pk',
      '#sk': 'sk',
      '#start': 'start',
      '#end': 'end',
      '#sessionId': 'sessionId',
    },
    ExpressionAttributeValues: {
      ':pk': a.partition,
      ':prefix': a.prefix,
      ':start': window.start,
      ':end': window.end,
    },
    ConsistentRead: true,
  });
  return { version, bookings: items as unknown as ScheduleBooking[] };
}

function lockBumpOp(a: Agenda, readVersion: number, by: string, now: string): Op {
  return {
    tag: { kind: 'lock', agenda: a.kind, id: a.id },
    op: {
      Update: {
        TableName: tableName(),
        Key: a.lockKey,
        UpdateExpression: 'SET #version = :next, #entity = :entity, #updatedAt = :now, #updatedBy = :by',
        ConditionExpression: 'attribute_not_exists(#version) OR #version = :read',
        ExpressionAttributeNames: {
          '#version': 'version',
          '#entity': 'entity',
          '#updatedAt': 'updatedAt',
          '#updatedBy': 'updatedBy',
        },
        ExpressionAttributeValues: {
          ':next': readVersion + 1,
          ':read': readVersion,
          ':entity': 'schedule-lock',
          ':now': now,
          ':by': by,
        },
      },
    },
  };
}

/**
 * Checks the agendas a session is about to occupy and returns the lock bumps that make the check hold at commit
 * time. Throws 409 `trainer-unavailable` / `room-unavailable` on a real overlap.
 */
async function claimAgendas(
  sessionId: string,
  window: Interval,
  trainerIds: readonly string[],
  room: { siteId: string; roomId: string } | undefined,
  by: string,
  now: string,
): Promise<Op[]> {
  const agendas = [...trainerIds.map(trainerAgenda), ...(room ? [roomAgenda(room.siteId, room.roomId)] : [])];
  const reads = await Promise.all(agendas.map((a) => readAgenda(a, window)));
  agendas.forEach((a, i) => {
    const clash = findClash({ sessionId, ...window }, reads[i]!.bookings);
    if (!clash) return;
    const at = { sessionId: clash.sessionId, start: clash.start, end: clash.end };
    if (a.kind === 'trainer') {
      throw conflict('trainer-unavailable', `Trainer '${a.id}' already facilitates an overlapping session`, {
        trainerId: a.id,
        ...at,
      });
    }
    throw conflict('room-unavailable', `Room '${a.id}' already hosts an overlapping session`, {
      siteId: room!.siteId,
      roomId: room!.roomId,
      ...at,
    });
  });
  return agendas.map((a, i) => lockBumpOp(a, reads[i]!.version, by, now));
}

type SessionRef = Pick<StoredSession, 'id' | 'moduleId' | 'pathId' | 'siteId' | 'roomId' | 'start' | 'end'>;

function facilitationUpsert(
  s: SessionRef,
  trainerId: string,
  role: FacilitatorRole,
  by: string,
  now: string,
): Op {
  return {
    tag: { kind: 'facilitation', trainerId },
    op: upsertOp(
      keys.trainer.facilitation(trainerId, s.id),
      {
        entity: 'facilitation',
        trainerId,
        sessionId: s.id,
        role,
        moduleId: s.moduleId,
        pathId: s.pathId,
        siteId: s.siteId,
        roomId: s.roomId,
        start: s.start,
        end: s.end,
      },
      by,
      now,
    ),
  };
}

function roomBookingUpsert(s: SessionRef, by: string, now: string): Op {
  return {
    tag: { kind: 'room-booking' },
    op: upsertOp(
      keys.room.booking(s.siteId, s.roomId, s.id),
      {
        entity: 'room-booking',
        siteId: s.siteId,
        roomId: s.roomId,
        sessionId: s.id,
        moduleId: s.moduleId,
        start: s.start,
        end: s.end,
      },
      by,
      now,
    ),
  };
}

/** Condition failures that a fresh read can resolve (someone else moved first), as opposed to bugs. */
function needsReread(failures: { tag: OpTag; code: string }[]): boolean {
  return failures.some(
    (f) =>
      f.code === 'ConditionalCheckFailed' &&
      (f.tag.kind === 'lock' ||
        f.tag.kind === 'session' ||
        f.tag.kind === 'session-check' ||
        f.tag.kind === 'enrolment'),
  );
}

/**
 * A batch over a session's enrolments was cancelled: retry (re-reading) when it is contention or a stale read. A
 * learner's booking copy that does not exist is not ours to create (the enrolment engine owns it): it is noted in
 * `missingCopies`, so the retry leaves it out.
 */
function shouldRetryBatch(
  outcome: { transient: boolean; failures: { tag: OpTag; code: string }[] },
  missingCopies: Set<string>,
): boolean {
  let copyMissing = false;
  for (const f of outcome.failures) {
    if (f.tag.kind === 'booking-copy' && f.code === 'ConditionalCheckFailed') {
      missingCopies.add(f.tag.learnerId);
      copyMissing = true;
    }
  }
  return outcome.transient || copyMissing || needsReread(outcome.failures);
}

function unexpected(failures: { tag: OpTag; code: string; message?: string }[]): Error {
  return new Error(
    `transaction cancelled: ${failures.map((f) => `${f.tag.kind}:${f.code}${f.message ? ` (${f.message})` : ''}`).join(', ')}`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Catalog references
// ---------------------------------------------------------------------------------------------------------------

async function resolvePlacement(p: {
  moduleId: string;
  pathId?: string | undefined;
  siteId: string;
  roomId: string;
  capacity: number;
}) {
  const [module, path, site] = await Promise.all([
    catalogRepo.getModule(p.moduleId),
    p.pathId !== undefined ? catalogRepo.getPath(p.pathId) : Promise.resolve(undefined),
    catalogRepo.getSite(p.siteId),
  ]);
  return checkPlacement({ ...p, module, path, site });
}

// ---------------------------------------------------------------------------------------------------------------
// Idempotency records
// ---------------------------------------------------------------------------------------------------------------

interface IdempotencyRecord {
  pk: string;
  sk: string;
  entity: 'idempotency-record';
  operation: string;
  userId: string;
  key: string;
  bodyHash: string;
  /** The id reserved for the resource before creating it: every replay, even a concurrent one, targets it. */
  resourceId: string;
  createdAt: string;
  expiresAt: number;
}

export function bodyHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('base64url');
}

/**
 * Claims an idempotency key for a resource id, or returns the id an earlier request with the same key claimed.
 * Reserving the id first (rather than recording the outcome afterwards) means two concurrent requests with the
 * same key race on creating the same item, and exactly one can win.
 */
async function reserveIdempotency(
  operation: string,
  userId: string,
  key: string,
  hash: string,
  candidateId: string,
): Promise<{ resourceId: string; fresh: boolean }> {
  const itemKey = keys.idempotency.record(operation, userId, key);
  for (let attempt = 0; attempt < 3; attempt++) {
    const nowMs = Date.now(); // idempotency records expire by DynamoDB's TTL: wall-clock time
    const nowSec = Math.floor(nowMs / 1000);
    const record: IdempotencyRecord = {
      ...itemKey,
      entity: 'idempotency-record',
      operation,
      userId,
      key,
      bodyHash: hash,
      resourceId: candidateId,
      createdAt: new Date(nowMs).toISOString(),
      expiresAt: nowSec + IDEMPOTENCY_TTL_SECONDS,
    };
    try {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: record,
          // TTL deletion is lazy (up to days late): an expired record counts as absent.
          ConditionExpression: 'attribute_not_exists(#pk) OR #expiresAt < :nowSec',
          ExpressionAttributeNames: { '#pk': 'pk', '#expiresAt': TABLE.ttlAttribute },
          ExpressionAttributeValues: { ':nowSec': nowSec },
        }),
      );
      return { resourceId: candidateId, fresh: true };
    } catch (e) {
      if (!(e instanceof ConditionalCheckFailedException)) throw e;
    }
    const existing = (
      await documentClient().send(
        new GetCommand({ TableName: tableName(), Key: itemKey, ConsistentRead: true }),
      )
    ).Item as IdempotencyRecord | undefined;
    if (!existing) continue; // expired and deleted in between: claim it again
    if (existing.bodyHash !== hash) {
      throw conflict(
        'idempotency-key-reused',
        'This Idempotency-Key was already used with a different request body',
        { idempotencyKey: key },
      );
    }
    return { resourceId: existing.resourceId, fresh: false };
  }
  throw contention();
}

// ---------------------------------------------------------------------------------------------------------------
// Enrolments of a session (written by the enrolment engine; read and bulk-updated here)
// ---------------------------------------------------------------------------------------------------------------

interface EnrolmentRef {
  learnerId: string;
  status: EnrolmentStatus;
}

async function activeEnrolments(sessionId: string): Promise<EnrolmentRef[]> {
  const items = await queryAll({
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
    ProjectionExpression: '#learnerId, #status',
    ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk', '#learnerId': 'learnerId', '#status': 'status' },
    ExpressionAttributeValues: {
      ':pk': keys.session.partition(sessionId),
      ':prefix': keys.session.prefix.enrolment,
    },
    ConsistentRead: true,
  });
  return (items as unknown as EnrolmentRef[]).filter((e) => ACTIVE.includes(e.status));
}

async function waitlistKeys(sessionId: string): Promise<ItemKey[]> {
  const items = await queryAll({
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
    ProjectionExpression: '#pk, #sk',
    ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' },
    ExpressionAttributeValues: {
      ':pk': keys.session.partition(sessionId),
      ':prefix': keys.session.prefix.waitlist,
    },
    ConsistentRead: true,
  });
  return items as unknown as ItemKey[];
}

/** Packs groups of ops that belong together (an enrolment and its booking copy) into transactions of ≤ 100. */
function packGroups(groups: Op[][], limit = MAX_TRANSACTION_ITEMS): Op[][] {
  const batches: Op[][] = [];
  let current: Op[] = [];
  for (const g of groups) {
    if (current.length + g.length > limit) {
      batches.push(current);
      current = [];
    }
    current.push(...g);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function timesOp(tag: OpTag, key: ItemKey, attrs: Record<string, string>, by: string, now: string): Op {
  const set = setClause({ ...attrs, updatedAt: now, updatedBy: by });
  return {
    tag,
    op: {
      Update: {
        TableName: tableName(),
        Key: key,
        UpdateExpression: `SET ${set.parts.join(', ')}`,
        // Never create a partial item: these belong to the enrolment engine, we only re-time them.
        ConditionExpression: 'attribute_exists(#pk)',
        ExpressionAttributeNames: { ...set.names, '#pk': 'pk' },
        ExpressionAttributeValues: set.values,
      },
    },
  };
}

/**
 * Brings every active enrolment of a moved session to its new times: the enrolment item (`sessionStart/End`) and
 * the learner's booking copy (`start/end`, what the learner-level overlap rule reads). Transactions of ≤ 100
 * items, each guarded by a check that the session still has those times: a slow sync of an older move can never
 * overwrite the result of a newer one. Returns false when superseded by another move.
 */
async function syncBookingCopies(
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
        TableName: tableName(),
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
      for (const batch of packGroups(groups, MAX_TRANSACTION_ITEMS - 1)) {
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
  if (done) {
    // Clear the flag only if the session still has the times just synced (a newer move keeps its own flag).
    await transactWrite([
      {
        tag: { kind: 'session' },
        op: {
          Update: {
            TableName: tableName(),
            Key: keys.session.item(sessionId),
            UpdateExpression: 'REMOVE #pending',
            ConditionExpression: '#start = :start AND #end = :end',
            ExpressionAttributeNames: { '#pending': 'bookingSyncPending', '#start': 'start', '#end': 'end' },
            ExpressionAttributeValues: { ':start': start, ':end': end },
          },
        },
      },
    ]);
  }
  return done;
}

function enrolmentCancelOp(sessionId: string, learnerId: string, by: string, now: string): Op {
  return {
    tag: { kind: 'enrolment', learnerId },
    op: {
      Update: {
        TableName: tableName(),
        Key: keys.session.enrolment(sessionId, learnerId),
        UpdateExpression: 'SET #status = :cancelled, #updatedAt = :now, #updatedBy = :by',
        // A learner who cancelled meanwhile keeps their own `cancelled`: the attempt re-reads and skips them.
        ConditionExpression: '#status IN (:enrolled, :waitlisted)',
        ExpressionAttributeNames: {
          '#status': 'status',
          '#updatedAt': 'updatedAt',
          '#updatedBy': 'updatedBy',
        },
        ExpressionAttributeValues: {
          ':cancelled': 'session-cancelled',
          ':enrolled': 'enrolled',
          ':waitlisted': 'waitlisted',
          ':now': now,
          ':by': by,
        },
      },
    },
  };
}

function bookingCopyCancelOp(sessionId: string, learnerId: string, by: string, now: string): Op {
  return {
    tag: { kind: 'booking-copy', learnerId },
    op: {
      Update: {
        TableName: tableName(),
        Key: keys.user.booking(learnerId, sessionId),
        UpdateExpression: 'SET #status = :cancelled, #updatedAt = :now, #updatedBy = :by',
        ConditionExpression: 'attribute_exists(#pk)',
        ExpressionAttributeNames: {
          '#pk': 'pk',
          '#status': 'status',
          '#updatedAt': 'updatedAt',
          '#updatedBy': 'updatedBy',
        },
        ExpressionAttributeValues: { ':cancelled': 'session-cancelled', ':now': now, ':by': by },
      },
    },
  };
}

function sessionCancelOp(
  s: StoredSession,
  ctx: { by: string; reason?: string | undefined },
  now: string,
): Op {
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
        TableName: tableName(),
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

// ---------------------------------------------------------------------------------------------------------------
// The repository
// ---------------------------------------------------------------------------------------------------------------

async function getSession(id: string): Promise<StoredSession | undefined> {
  return (await getSessionItem(id, true)) as StoredSession | undefined;
}

async function mustGet(id: string): Promise<StoredSession> {
  const s = await getSession(id);
  if (!s) throw notFound('session', id);
  return s;
}

export const sessionRepo = {
  get: getSession,

  /**
   * Creates a session and books its trainers and room atomically. With an idempotency key, a replay of the same
   * body returns the session created by the first request (`replayed: true`).
   */
  async create(
    input: CreateSessionInput,
    ctx: { by: string; idempotencyKey?: string | undefined },
  ): Promise<{ session: StoredSession; replayed: boolean }> {
    let id = newSessionId(Date.now(), randomBytes(10));
    if (ctx.idempotencyKey !== undefined) {
      const r = await reserveIdempotency('sessions-create', ctx.by, ctx.idempotencyKey, bodyHash(input), id);
      id = r.resourceId;
      if (!r.fresh) {
        const existing = await getSession(id);
        if (existing) return { session: existing, replayed: true };
        // The first request failed or is still running: (re)try the creation under the reserved id.
      }
    }
    await resolvePlacement(input);

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
                TableName: tableName(),
                Item: item,
                ConditionExpression: 'attribute_not_exists(#pk)',
                ExpressionAttributeNames: { '#pk': 'pk' },
              },
            },
          },
          ...input.facilitators.map((f) => facilitationUpsert(item, f.trainerId, f.role, ctx.by, now)),
          roomBookingUpsert(item, ctx.by, now),
          ...locks,
        ];
        const outcome = await transactWrite(ops);
        if (outcome.ok) return { session: item, replayed: false };
        if (outcome.failures.some((f) => f.tag.kind === 'session' && f.code === 'ConditionalCheckFailed')) {
          // A concurrent request with the same idempotency key won the race: its session is ours.
          const existing = await getSession(id);
          if (existing && ctx.idempotencyKey !== undefined) return { session: existing, replayed: true };
          if (ctx.idempotencyKey === undefined) id = newSessionId(Date.now(), randomBytes(10)); // id collision
          return RETRY;
        }
        if (outcome.transient || needsReread(outcome.failures)) return RETRY;
        throw unexpected(outcome.failures);
      },
      { onExhausted: contention },
    );
  },

  /**
   * Moves or reconfigures a scheduled session. Agendas are re-checked for what changed, index keys rewritten,
   * bookings released and taken in one transaction; then the learners' booking copies follow.
   */
  async update(id: string, patch: UpdateSessionInput, ctx: { by: string }): Promise<StoredSession> {
    let moved: { start: string; end: string } | undefined;
    await withOptimisticRetry(
      async () => {
        const now = nowIso();
        const current = await mustGet(id);
        const plan = planScheduleChange(current, patch);
        const next = plan.next;
        await resolvePlacement({ moduleId: current.moduleId, ...next });
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
        const set = setClause({
          start: next.start,
          end: next.end,
          siteId: next.siteId,
          roomId: next.roomId,
          capacity: next.capacity,
          facilitators: next.facilitators,
          ...sessionIndexKeys({ id, moduleId: current.moduleId, siteId: next.siteId, start: next.start }),
          updatedAt: now,
          updatedBy: ctx.by,
          ...(plan.timeChanged ? { bookingSyncPending: true } : {}),
        });
        const sessionOp: Op = {
          tag: { kind: 'session' },
          op: {
            Update: {
              TableName: tableName(),
              Key: keys.session.item(id),
              UpdateExpression: `SET ${set.parts.join(', ')}, #version = #version + :one`,
              // The enrolment engine updates counters concurrently: only SET what changes, and make sure the
              // capacity still holds everyone seated at commit time.
              ConditionExpression:
                '#version = :readVersion AND #status = :scheduled AND #enrolled <= :capacity',
              ExpressionAttributeNames: {
                ...set.names,
                '#version': 'version',
                '#status': 'status',
                '#enrolled': 'enrolledCount',
              },
              ExpressionAttributeValues: {
                ...set.values,
                ':one': 1,
                ':readVersion': current.version,
                ':scheduled': 'scheduled',
                ':capacity': next.capacity,
              },
            },
          },
        };
        const moves = plan.timeChanged || plan.roomChanged;
        const ops: Op[] = [
          sessionOp,
          ...plan.removedTrainers.map(
            (t): Op => ({
              tag: { kind: 'facilitation', trainerId: t },
              op: deleteOp(keys.trainer.facilitation(t, id)),
            }),
          ),
          // Agenda entries copy the time and place: rewrite them all when those move, else only what changed.
          ...next.facilitators
            .filter(
              (f) =>
                moves || !current.facilitators.some((c) => c.trainerId === f.trainerId && c.role === f.role),
            )
            .map((f) => facilitationUpsert(ref, f.trainerId, f.role, ctx.by, now)),
          ...(plan.roomChanged
            ? [
                {
                  tag: { kind: 'room-booking' },
                  op: deleteOp(keys.room.booking(current.siteId, current.roomId, id)),
                } satisfies Op,
              ]
            : []),
          ...(moves ? [roomBookingUpsert(ref, ctx.by, now)] : []),
          ...locks,
        ];
        const outcome = await transactWrite(ops);
        if (outcome.ok) {
          if (plan.timeChanged || current.bookingSyncPending) moved = { start: next.start, end: next.end };
          return true;
        }
        if (outcome.transient || needsReread(outcome.failures)) return RETRY;
        throw unexpected(outcome.failures);
      },
      { onExhausted: contention },
    );
    if (moved) await syncBookingCopies(id, moved.start, moved.end, ctx.by);
    return mustGet(id);
  },

  /**
   * Cancels a session: active enrolments (and their booking copies) become `session-cancelled`, the waitlist is
   * emptied, and the last transaction flips the session and releases its trainers and room together. A crash
   * mid-way leaves the session `scheduled`, so a retry redoes what is left; cancelling a cancelled session also
   * sweeps any enrolment that slipped in during the cancellation, then returns the same view.
   */
  async cancel(id: string, ctx: { by: string; reason?: string | undefined }): Promise<StoredSession> {
    const missingCopies = new Set<string>();
    const pass = () =>
      withOptimisticRetry(
        async () => {
          const now = nowIso();
          const s = await mustGet(id);
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
          for (const k of waitlist) groups.push([{ tag: { kind: 'waitlist' }, op: deleteOp(k) }]);
          if (s.status === 'scheduled') {
            // Releasing the agendas goes with the status flip: a session is never scheduled without its bookings.
            groups.push([
              ...s.facilitators.map(
                (f): Op => ({
                  tag: { kind: 'facilitation', trainerId: f.trainerId },
                  op: deleteOp(keys.trainer.facilitation(f.trainerId, id)),
                }),
              ),
              { tag: { kind: 'room-booking' }, op: deleteOp(keys.room.booking(s.siteId, s.roomId, id)) },
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
    // An enrolment committed between our read and the status flip would be left active: once the session is
    // cancelled no new one can arrive, so one more pass over the (now closed) session catches it.
    if (await pass()) await pass();
    return mustGet(id);
  },

  /**
   * Sessions by module (GSI1), by site (GSI2), or by UTC month buckets (GSI3) over [from, to): Queries only.
   * Other filters are applied here; pages are cut on (start, id), the order of all three indexes.
   */
  /** The calendar, through a one-second micro-cache: a burst of identical listings makes one read. */
  list(q: ListSessionsInput, now: string): Promise<{ items: StoredSession[]; nextCursor?: string }> {
    // `now` moves every millisecond: the listing's lower bound is taken to the second for the key.
    return listingCache.get(JSON.stringify([q, now.slice(0, 19)]), () => this.listUncached(q, now));
  },

  async listUncached(
    q: ListSessionsInput,
    now: string,
  ): Promise<{ items: StoredSession[]; nextCursor?: string }> {
    const range = resolveListRange(q, now);
    const after = q.cursor !== undefined ? decodeCursor(q.cursor) : undefined;
    const limit = q.limit ?? 50;
    const lo = after && positionKey(after) > range.from ? positionKey(after) : range.from;
    // Every sort key of a session starting before `to` is `<start>#<id>` < `to` (ISO strings of equal length).
    const hi = range.to;
    if (lo >= hi) return { items: [] };

    let pathModules: ReadonlySet<string> | undefined;
    if (q.pathId !== undefined) {
      const path = await catalogRepo.getPath(q.pathId);
      pathModules = new Set(
        path
          ? [
              path.entryModuleId,
              ...path.electiveModuleIds,
              ...(path.coachModuleId ? [path.coachModuleId] : []),
            ]
          : [],
      );
      if (path && q.moduleId !== undefined && !pathIncludesModule(path, q.moduleId)) return { items: [] };
    }

    const sources: { index: 'gsi1' | 'gsi2' | 'gsi3'; pk: string }[] =
      q.moduleId !== undefined
        ? [{ index: 'gsi1', pk: keys.session.moduleIndexPk(q.moduleId) }]
        : q.site !== undefined
          ? [{ index: 'gsi2', pk: keys.session.siteIndexPk(q.site) }]
          : monthBuckets(lo.slice(0, 24), hi).map((m) => ({
              index: 'gsi3' as const,
              pk: keys.session.monthIndexPk(m),
            }));
    const filtered =
      q.pathId !== undefined || q.status !== undefined || (q.moduleId !== undefined && q.site !== undefined);

    // One item beyond the page tells whether there is a next page, so the last page has no cursor.
    const found: StoredSession[] = [];
    const readSource = async (src: (typeof sources)[number]): Promise<StoredSession[]> => {
      const idx = TABLE.indexes[src.index];
      const rows: StoredSession[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const res = await documentClient().send(
          new QueryCommand({
            TableName: tableName(),
            IndexName: idx.name,
            KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :lo AND :hi',
            ExpressionAttributeNames: { '#pk': idx.partitionKey, '#sk': idx.sortKey },
            ExpressionAttributeValues: { ':pk': src.pk, ':lo': lo, ':hi': hi },
            Limit: Math.min(1000, (limit + 1) * (filtered ? 4 : 1)),
            ExclusiveStartKey: start,
          }),
        );
        for (const raw of (res.Items ?? []) as StoredSession[]) {
          if (after && raw.start === after.start && raw.id === after.id) continue; // BETWEEN is inclusive
          if (!matchesListFilters(raw, q, pathModules)) continue;
          rows.push(raw);
          if (rows.length > limit) break;
        }
        start = res.LastEvaluatedKey;
      } while (start && rows.length <= limit);
      return rows;
    };
    // Month buckets are read a few at a time, in parallel (a listing spans up to a year of mostly sparse months:
    // one round trip per window instead of one per month), and kept in calendar order.
    const WINDOW = 4;
    for (let i = 0; i < sources.length && found.length <= limit; i += WINDOW) {
      const pages = await Promise.all(sources.slice(i, i + WINDOW).map(readSource));
      for (const rows of pages) found.push(...rows);
    }
    const items = found.slice(0, limit);
    const last = items[items.length - 1];
    return found.length > limit && last ? { items, nextCursor: encodeCursor(last) } : { items };
  },

  /** The sessions a trainer facilitates, with their role: one Query of the trainer's partition, one BatchGet. */
  async facilitations(
    trainerId: string,
    q: { from?: string | undefined; to?: string | undefined },
    now: string,
  ): Promise<{ role: FacilitatorRole; session: StoredSession }[]> {
    const names: Record<string, string> = { '#pk': 'pk', '#sk': 'sk' };
    const values: Record<string, unknown> = {
      ':pk': keys.trainer.partition(trainerId),
      ':prefix': keys.trainer.prefix.facilitation,
    };
    const filters: string[] = [];
    if (q.from !== undefined) {
      names['#start'] = 'start';
      values[':from'] = q.from;
      filters.push('#start >= :from');
    }
    if (q.to !== undefined) {
      names['#start'] = 'start';
      values[':to'] = q.to;
      filters.push('#start < :to');
    }
    const rows = (await queryAll({
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    })) as unknown as { sessionId: string; role: FacilitatorRole }[];
    const roles = new Map(rows.map((r) => [r.sessionId, r.role]));
    const sessions = await batchGetSessions([...roles.keys()]);
    const items = sessions.map((session) => ({ role: roles.get(session.id)!, session }));
    return orderFacilitations(items, now);
  },
};

async function batchGetSessions(ids: string[]): Promise<StoredSession[]> {
  const out: StoredSession[] = [];
  for (const group of chunk(ids, 100)) {
    let pending: Record<string, unknown>[] | undefined = group.map(
      (id) => keys.session.item(id) as unknown as Record<string, unknown>,
    );
    for (let attempt = 0; pending && pending.length > 0; attempt++) {
      if (attempt > 8) throw new Error('BatchGet: unprocessed keys remain after retries');
      if (attempt > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
      const res = await documentClient().send(
        new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending } } }),
      );
      out.push(...((res.Responses?.[tableName()] ?? []) as StoredSession[]));
      pending = res.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return out;
}
