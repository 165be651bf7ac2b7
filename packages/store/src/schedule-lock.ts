/**
 * Agenda locks: one `lock#schedule` item per trainer and per room, whose version every booking of that agenda
 * bumps. Double-booking is prevented with them: read the lock, then the agenda's bookings (consistent), decide,
 * and commit the session, the bookings and `version = read + 1` on every lock in one transaction conditioned on
 * the versions read. Two concurrent writers on the same agenda cannot both commit; the loser re-reads and either
 * sees the clash (409) or proceeds.
 */
import { conflict } from '@parcours/domain/errors';
import { findClash, type ScheduleBooking } from '@parcours/domain/lms/session-rules';
import type { Interval } from '@parcours/domain/lms/time';
import type { Entity } from './entities.ts';
import { get, queryAll } from './gateway.ts';
import { type ItemKey, keys } from './keys.ts';
import type { Op } from './session-transaction.ts';

/** The lock item as stored (`trainer#<id>` or `room#<site>#name#<room>` / `lock#schedule`). */
export interface ScheduleLockItem {
  pk: string;
  sk: string;
  entity: Extract<Entity, 'schedule-lock'>;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

const ENTITY: ScheduleLockItem['entity'] = 'schedule-lock';

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
  const lock = await get<Partial<ScheduleLockItem>>({ Key: a.lockKey, ConsistentRead: true });
  const version = typeof lock?.version === 'number' ? lock.version : 0;
  const bookings = await queryAll<ScheduleBooking>({
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
  return { version, bookings };
}

function lockBumpOp(a: Agenda, readVersion: number, by: string, now: string): Op {
  return {
    tag: { kind: 'lock', agenda: a.kind, id: a.id },
    op: {
      Update: {
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
          ':entity': ENTITY,
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
export async function claimAgendas(
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
