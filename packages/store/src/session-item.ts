import type { Facilitator, SessionStatus, SessionView } from '@parcours/domain/api/sessions-api';
import { notFound } from '@parcours/domain/errors';
import { toParisIso } from '@parcours/domain/lms/time';
import type { Entity } from './entities.ts';
import { get, queryAll } from './gateway.ts';
import { keys } from './keys.ts';
import { TABLE } from './table.ts';

/** The session item as stored (`session#<id>` / `session`). Counters are maintained by enrolment transactions. */
export interface SessionItem {
  pk: string;
  sk: 'session';
  entity: Extract<Entity, 'session'>;
  id: string;
  moduleId: string;
  pathId?: string;
  start: string;
  end: string;
  siteId: string;
  roomId: string;
  capacity: number;
  status: SessionStatus;
  facilitators: Facilitator[];
  /** Learners holding a seat (`enrolled`, and later `attended`/`partially-attended`/`no-show`). */
  enrolledCount: number;
  waitlistLength: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  cancelledReason?: string;
  overrides?: { code: string; by: string; at: string }[];
  gsi1pk: string;
  gsi1sk: string;
  gsi2pk: string;
  gsi2sk: string;
  gsi3pk: string;
  gsi3sk: string;
}

/** The stored session, with the attributes the session's own writes add to the shared SessionItem shape. */
export type StoredSession = SessionItem & {
  updatedBy: string;
  cancelledAt?: string;
  cancelledBy?: string;
  /** Set by a move, cleared once every active learner's booking copy carries the new times. */
  bookingSyncPending?: boolean;
};

/** What the agenda entries (facilitations, room bookings) copy from their session. */
export type SessionRef = Pick<
  StoredSession,
  'id' | 'moduleId' | 'pathId' | 'siteId' | 'roomId' | 'start' | 'end'
>;

export function sessionIndexKeys(s: Pick<SessionItem, 'id' | 'moduleId' | 'siteId' | 'start'>) {
  return {
    ...keys.session.byModule(s.moduleId, s.start, s.id),
    ...keys.session.bySite(s.siteId, s.start, s.id),
    ...keys.session.byMonth(s.start, s.id),
  };
}

export function toSessionView(s: SessionItem): SessionView {
  return {
    id: s.id,
    moduleId: s.moduleId,
    ...(s.pathId ? { pathId: s.pathId } : {}),
    start: s.start,
    end: s.end,
    startLocal: toParisIso(s.start),
    endLocal: toParisIso(s.end),
    timeZone: 'Europe/Paris',
    siteId: s.siteId,
    roomId: s.roomId,
    capacity: s.capacity,
    enrolledCount: s.enrolledCount,
    waitlistLength: s.waitlistLength,
    seatsLeft: Math.max(0, s.capacity - s.enrolledCount),
    status: s.status,
    facilitators: s.facilitators,
    version: s.version,
  };
}

export function getSessionItem(sessionId: string, consistent = true): Promise<SessionItem | undefined> {
  return get<SessionItem>({ Key: keys.session.item(sessionId), ConsistentRead: consistent });
}

/** The session as its own writes read it (strongly consistent). */
export function getStoredSession(id: string): Promise<StoredSession | undefined> {
  return get<StoredSession>({ Key: keys.session.item(id), ConsistentRead: true });
}

/** The session, or 404 `session`. */
export async function mustGetSession(id: string): Promise<StoredSession> {
  const s = await getStoredSession(id);
  if (!s) throw notFound('session', id);
  return s;
}

/**
 * The sessions starting in one month (GSI3 month bucket, eventually consistent), optionally in one status: the
 * offline rebuilds' source, read month by month (Queries, no Scan).
 */
export function sessionsOfMonth(month: string, status?: SessionStatus): Promise<SessionItem[]> {
  const idx = TABLE.indexes.gsi3;
  return queryAll<SessionItem>({
    IndexName: idx.name,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': idx.partitionKey, ...(status ? { '#st': 'status' } : {}) },
    ExpressionAttributeValues: {
      ':pk': keys.session.monthIndexPk(month),
      ...(status ? { ':st': status } : {}),
    },
    ...(status ? { FilterExpression: '#st = :st' } : {}),
  });
}
