/**
 * Facilitations: the entries of a trainer's agenda (`trainer#<id>` / `facilitation#<sessionId>`), one per session
 * they facilitate, copying the session's time and place so that the agenda check (schedule-lock.ts) reads one
 * partition. Written only together with their session, in its transactions.
 */
import type { FacilitatorRole } from '@parcours/domain/api/sessions-api';
import { orderFacilitations } from '@parcours/domain/lms/session-rules';
import type { Entity } from './entities.ts';
import { batchGet, type NativeAttributeValue, queryAll } from './gateway.ts';
import { keys } from './keys.ts';
import type { SessionRef, StoredSession } from './session-item.ts';
import type { Op } from './session-transaction.ts';
import { upsertOp } from './update-expression.ts';

/** The facilitation as stored. */
export interface FacilitationItem {
  pk: string;
  sk: string;
  entity: Extract<Entity, 'facilitation'>;
  trainerId: string;
  sessionId: string;
  role: FacilitatorRole;
  moduleId: string;
  pathId?: string;
  siteId: string;
  roomId: string;
  start: string;
  end: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

type FacilitationAttrs = Omit<
  FacilitationItem,
  'pk' | 'sk' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'
>;

/** Creates or re-times the trainer's entry for the session (keeping who created it, and when). */
export function facilitationUpsert(
  s: SessionRef,
  trainerId: string,
  role: FacilitatorRole,
  by: string,
  now: string,
): Op {
  const attrs: FacilitationAttrs = {
    entity: 'facilitation',
    trainerId,
    sessionId: s.id,
    role,
    moduleId: s.moduleId,
    ...(s.pathId !== undefined ? { pathId: s.pathId } : {}),
    siteId: s.siteId,
    roomId: s.roomId,
    start: s.start,
    end: s.end,
  };
  return {
    tag: { kind: 'facilitation', trainerId },
    op: upsertOp(keys.trainer.facilitation(trainerId, s.id), attrs, by, now),
  };
}

/** Frees the trainer's agenda of the session. */
export function facilitationRelease(trainerId: string, sessionId: string): Op {
  return {
    tag: { kind: 'facilitation', trainerId },
    op: { Delete: { Key: keys.trainer.facilitation(trainerId, sessionId) } },
  };
}

/** The sessions a trainer facilitates, with their role: one Query of the trainer's partition, one BatchGet. */
export async function trainerFacilitations(
  trainerId: string,
  q: { from?: string | undefined; to?: string | undefined },
  now: string,
): Promise<{ role: FacilitatorRole; session: StoredSession }[]> {
  const names: Record<string, string> = { '#pk': 'pk', '#sk': 'sk' };
  const values: Record<string, NativeAttributeValue> = {
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
  const rows = await queryAll<Pick<FacilitationItem, 'sessionId' | 'role'>>({
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
    ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  });
  const roles = new Map(rows.map((r) => [r.sessionId, r.role]));
  const sessions = await batchGet<StoredSession>([...roles.keys()].map((id) => keys.session.item(id)));
  const items = sessions.map((session) => ({ role: roles.get(session.id)!, session }));
  return orderFacilitations(items, now);
}
