import { randomUUID } from 'node:crypto';
import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { EnrolmentStatus } from '@parcours/domain/api/sessions-api';
import { conflict, notFound } from '@parcours/domain/errors';
import { documentClient, tableName } from './client.ts';
import type { EnrolmentItem } from './enrolment-item.ts';
import { keys } from './keys.ts';
import type { BookingItem } from './learner-items.ts';
import { queryAll } from './query-all.ts';
import type { SessionItem } from './session-item.ts';
import { getSessionItem } from './session-item.ts';
import { backoff, cancellationInfo, isTransient } from './transaction-errors.ts';

type TxItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const MAX_ATTEMPTS = 60;

/** Extra items written in the same transaction as a state change (e.g. its xAPI statement). */
export type ExtraItems = (e: EnrolmentItem) => TxItem[];

export async function getEnrolment(sessionId: string, learnerId: string): Promise<EnrolmentItem | undefined> {
  const r = await documentClient().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.session.enrolment(sessionId, learnerId),
      ConsistentRead: true,
    }),
  );
  return r.Item as EnrolmentItem | undefined;
}

/** Enrolment by id: GSI1 locates it, then a consistent Get reads the current state. */
export async function findEnrolmentById(enrolmentId: string): Promise<EnrolmentItem | undefined> {
  const r = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk = :sk',
      ExpressionAttributeValues: { ':pk': keys.enrolment.byId(enrolmentId).gsi1pk, ':sk': 'enrolment' },
      Limit: 1,
    }),
  );
  const hit = r.Items?.[0] as EnrolmentItem | undefined;
  if (!hit) return undefined;
  return getEnrolment(hit.sessionId, hit.learnerId);
}

/** 1-based FIFO position of a waitlist ticket: a consistent count of the entries at or before it. */
export async function waitlistPosition(sessionId: string, ticket: number): Promise<number> {
  const r = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': keys.session.partition(sessionId),
        ':from': keys.session.prefix.waitlist,
        ':to': keys.session.waitlistEntry(sessionId, ticket).sk,
      },
      Select: 'COUNT',
      ConsistentRead: true,
    }),
  );
  return r.Count ?? 0;
}

/** Waitlist in FIFO order: ticket → learnerId. */
export async function waitlistOrder(
  sessionId: string,
  limit?: number,
): Promise<{ ticket: number; learnerId: string; sk: string }[]> {
  const out: { ticket: number; learnerId: string; sk: string }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: {
          ':pk': keys.session.partition(sessionId),
          ':p': keys.session.prefix.waitlist,
        },
        ConsistentRead: true,
        ExclusiveStartKey: start,
        ...(limit ? { Limit: limit } : {}),
      }),
    );
    for (const it of r.Items ?? [])
      out.push({ ticket: Number(it['ticket']), learnerId: String(it['learnerId']), sk: String(it['sk']) });
    start = limit && out.length >= limit ? undefined : r.LastEvaluatedKey;
  } while (start);
  return out;
}

async function takeTicket(sessionId: string): Promise<number> {
  const r = await documentClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.session.ticketCounter(sessionId),
      UpdateExpression: 'ADD #n :one SET entity = :entity',
      ExpressionAttributeNames: { '#n': 'next' },
      ExpressionAttributeValues: { ':one': 1, ':entity': 'ticket-counter' },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(r.Attributes?.['next']);
}

/**
 * The session side of an enrolment: a seat while `enrolledCount < capacity` and nobody waits, else a waitlist place
 * while the session is full or someone already waits. Both require the session's times to be those the rules were
 * checked against (a session moved meanwhile makes the transaction retry).
 */
function sessionCounterUpdate(session: SessionItem, seat: boolean): TxItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.session.item(session.id),
      UpdateExpression: seat
        ? 'SET enrolledCount = enrolledCount + :one'
        : 'SET waitlistLength = waitlistLength + :one',
      ConditionExpression: `#st = :scheduled AND ${
        seat
          ? 'enrolledCount < #cap AND waitlistLength = :zero'
          : '(enrolledCount >= #cap OR waitlistLength > :zero)'
      } AND #start = :start AND #end = :end`,
      ExpressionAttributeNames: { '#st': 'status', '#cap': 'capacity', '#start': 'start', '#end': 'end' },
      ExpressionAttributeValues: {
        ':one': 1,
        ':zero': 0,
        ':scheduled': 'scheduled',
        ':start': session.start,
        ':end': session.end,
      },
    },
  };
}

export interface EnrolInput {
  session: SessionItem;
  learnerId: string;
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

/**
 * Takes a seat or a waitlist place, atomically. Seats: the session's `enrolledCount < capacity` condition, never
 * exceeded under any concurrency. Waitlist: FIFO by arrival ticket (an atomic counter taken before the
 * transaction). Invariant kept by every transaction: a non-empty waitlist means no free seat, so a newcomer can
 * never jump the queue. Retries of the same request find the active enrolment and return it (idempotent).
 */
export async function enrol(input: EnrolInput): Promise<EnrolOutcome> {
  const { learnerId, actorId, now } = input;
  let session = input.session;
  let lockVersion = input.lockVersion;
  const sessionId = session.id;
  const ticket = await takeTicket(sessionId);
  const enrolmentId = randomUUID();

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (session.status !== 'scheduled')
      throw conflict('session-not-open', `Session '${sessionId}' is ${session.status}`);
    const seat = session.enrolledCount < session.capacity && session.waitlistLength === 0;
    const status: EnrolmentStatus = seat ? 'enrolled' : 'waitlisted';
    const enrolment: EnrolmentItem = {
      ...keys.session.enrolment(sessionId, learnerId),
      entity: 'enrolment',
      id: enrolmentId,
      sessionId,
      learnerId,
      moduleId: session.moduleId,
      ...(input.pathId ? { pathId: input.pathId } : session.pathId ? { pathId: session.pathId } : {}),
      ...(input.learnerService ? { learnerService: input.learnerService } : {}),
      status,
      ticket,
      sessionStart: session.start,
      sessionEnd: session.end,
      createdAt: now,
      updatedAt: now,
      createdBy: actorId,
      updatedBy: actorId,
      ...keys.enrolment.byId(enrolmentId),
    };
    const booking: BookingItem = {
      ...keys.user.booking(learnerId, sessionId),
      entity: 'booking',
      learnerId,
      enrolmentId,
      sessionId,
      moduleId: session.moduleId,
      ...(enrolment.pathId ? { pathId: enrolment.pathId } : {}),
      status,
      start: session.start,
      end: session.end,
      createdAt: now,
      updatedAt: now,
    };
    const T = tableName();
    const items: TxItem[] = [
      sessionCounterUpdate(session, seat),
      {
        Put: {
          TableName: T,
          Item: enrolment,
          ConditionExpression: 'attribute_not_exists(pk) OR #st IN (:c1, :c2)',
          ExpressionAttributeNames: { '#st': 'status' },
          ExpressionAttributeValues: { ':c1': 'cancelled', ':c2': 'session-cancelled' },
        },
      },
      {
        Update: {
          TableName: T,
          Key: keys.user.enrolmentLock(learnerId),
          UpdateExpression: 'SET version = :next, entity = :lock',
          ConditionExpression: 'attribute_not_exists(version) OR version = :read',
          ExpressionAttributeValues: { ':next': lockVersion + 1, ':read': lockVersion, ':lock': 'lock' },
        },
      },
      { Put: { TableName: T, Item: booking } },
      ...(seat
        ? []
        : [
            {
              Put: {
                TableName: T,
                Item: {
                  ...keys.session.waitlistEntry(sessionId, ticket),
                  entity: 'waitlist-entry',
                  sessionId,
                  learnerId,
                  ticket,
                  enrolmentId,
                  createdAt: now,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ]),
      ...(input.pathId
        ? [
            {
              Update: {
                TableName: T,
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
          ]
        : []),
      ...(input.extraItems?.(enrolment) ?? []),
    ];
    try {
      await documentClient().send(new TransactWriteCommand({ TransactItems: items }));
      return { created: true, enrolment };
    } catch (e) {
      const info = cancellationInfo(e);
      if (!info && !isTransient(e)) throw e;
      if (info?.conditionFailedAt.includes(1)) {
        // Someone (a retry of this very request, most likely) holds an active enrolment already.
        const existing = await getEnrolment(sessionId, learnerId);
        if (existing && existing.status !== 'cancelled' && existing.status !== 'session-cancelled') {
          return { created: false, enrolment: existing };
        }
      }
      if (info?.conditionFailedAt.includes(2)) lockVersion = await input.recheck();
      if (info?.conditionFailedAt.includes(0) || info?.conflict || !info) {
        const fresh = await getSessionItem(sessionId);
        if (!fresh) throw notFound('session', sessionId);
        session = fresh;
      }
      await backoff(attempt);
    }
  }
  throw conflict('enrolment-contention', 'The session is too busy right now; please retry');
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
