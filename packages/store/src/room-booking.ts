/**
 * Room bookings: the entries of a room's agenda (`room#<site>#name#<room>` / `booking#<sessionId>`), one per
 * session held there, copying its time so that the agenda check (schedule-lock.ts) reads one partition. Written
 * only together with their session, in its transactions.
 */
import type { Entity } from './entities.ts';
import { keys } from './keys.ts';
import type { SessionRef } from './session-item.ts';
import type { Op } from './session-transaction.ts';
import { upsertOp } from './update-expression.ts';

/** The room booking as stored. */
export interface RoomBookingItem {
  pk: string;
  sk: string;
  entity: Extract<Entity, 'room-booking'>;
  siteId: string;
  roomId: string;
  sessionId: string;
  moduleId: string;
  start: string;
  end: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

type RoomBookingAttrs = Omit<
  RoomBookingItem,
  'pk' | 'sk' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'
>;

/** Creates or re-times the room's booking for the session (keeping who created it, and when). */
export function roomBookingUpsert(s: SessionRef, by: string, now: string): Op {
  const attrs: RoomBookingAttrs = {
    entity: 'room-booking',
    siteId: s.siteId,
    roomId: s.roomId,
    sessionId: s.id,
    moduleId: s.moduleId,
    start: s.start,
    end: s.end,
  };
  return {
    tag: { kind: 'room-booking' },
    op: upsertOp(keys.room.booking(s.siteId, s.roomId, s.id), attrs, by, now),
  };
}

/** Frees the room's agenda of the session. */
export function roomBookingRelease(siteId: string, roomId: string, sessionId: string): Op {
  return {
    tag: { kind: 'room-booking' },
    op: { Delete: { Key: keys.room.booking(siteId, roomId, sessionId) } },
  };
}
