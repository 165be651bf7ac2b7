import type { FacilitatorRole } from '@parcours/domain/api/sessions-api';
import type { PutTrainerInput } from '@parcours/domain/api/transfer-api';
import { conflict } from '@parcours/domain/errors';
import type { KindHistoryEntry, KindOrUnknown, TrainerKind } from '@parcours/domain/transfer/delivery';
import type { DeliveredFacilitation, SignOffRecord } from '@parcours/domain/transfer/ladder';
import type { Entity } from './entities.ts';
import {
  batchGet,
  get,
  isConditionFailure,
  type NativeAttributeValue,
  put,
  queryAll,
  remove,
} from './gateway.ts';
import { keys } from './keys.ts';
import { RETRY, withOptimisticRetry } from './optimistic.ts';
import { TABLE } from './table.ts';

/**
 * The trainer registry, sign-offs and delivered facilitations (docs/transfer.md). All in the trainer's partition
 * `trainer#<id>`, next to the agenda the session repository keeps there (`facilitation#…`, `lock#schedule`).
 */

export interface TrainerItem {
  pk: string;
  sk: 'registry';
  entity: Extract<Entity, 'trainer'>;
  trainerId: string;
  name: string;
  email?: string;
  phone?: string;
  kind: TrainerKind;
  homeServiceId?: string;
  organisation?: string;
  modules: string[];
  active: boolean;
  kindHistory: KindHistoryEntry[];
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  gsi1pk: string;
  gsi1sk: string;
}

export interface SignOffItem extends SignOffRecord {
  pk: string;
  sk: string;
  entity: Extract<Entity, 'sign-off'>;
  gsi1pk: string;
  gsi1sk: string;
}

export interface DeliveredItem extends DeliveredFacilitation {
  pk: string;
  sk: string;
  entity: Extract<Entity, 'delivered-facilitation'>;
  trainerId: string;
  pathId?: string;
  siteId: string;
  leadKind: string;
  kind: KindOrUnknown;
  updatedAt: string;
}

export async function getTrainer(trainerId: string, consistent = true): Promise<TrainerItem | undefined> {
  return get<TrainerItem>({ Key: keys.transfer.registry(trainerId), ConsistentRead: consistent });
}

export async function getTrainers(trainerIds: readonly string[]): Promise<Map<string, TrainerItem>> {
  if (trainerIds.length === 0) return new Map();
  const items = await batchGet<TrainerItem>(
    trainerIds.map((t) => keys.transfer.registry(t)),
    { consistent: true },
  );
  return new Map(items.map((t) => [t.trainerId, t]));
}

export async function listTrainers(): Promise<TrainerItem[]> {
  const idx = TABLE.indexes.gsi1;
  const items = await queryAll<TrainerItem>({
    IndexName: idx.name,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': idx.partitionKey },
    ExpressionAttributeValues: { ':pk': keys.transfer.registryListPartition },
  });
  return items.filter((i) => i.entity === 'trainer');
}

/**
 * Creates or replaces a registry entry. A change of kind is appended to the kind history from now on (never
 * backdated), so sessions already delivered keep the kind their trainer had then.
 */
export async function putTrainer(
  trainerId: string,
  input: PutTrainerInput,
  ctx: { by: string; now: string },
): Promise<TrainerItem> {
  const attempt = async (): Promise<TrainerItem | typeof RETRY> => {
    const current = await getTrainer(trainerId);
    if (input.expectedVersion !== undefined && current?.version !== input.expectedVersion) {
      throw conflict('version-mismatch', 'The trainer was changed since you read it; reload and retry', {
        version: current?.version ?? null,
      });
    }
    const history = current?.kindHistory ?? [];
    const kindHistory =
      current === undefined
        ? [{ kind: input.kind, from: ctx.now }]
        : current.kind !== input.kind
          ? [...history, { kind: input.kind, from: ctx.now }]
          : history;
    const item: TrainerItem = {
      ...keys.transfer.registry(trainerId),
      sk: 'registry',
      entity: 'trainer',
      trainerId,
      name: input.name,
      ...(input.email ? { email: input.email } : {}),
      ...(input.phone ? { phone: input.phone } : {}),
      kind: input.kind,
      ...(input.kind === 'internal' && input.homeServiceId ? { homeServiceId: input.homeServiceId } : {}),
      ...(input.kind === 'external' && input.organisation ? { organisation: input.organisation } : {}),
      modules: [...new Set(input.modules)].sort(),
      active: input.active,
      kindHistory,
      version: (current?.version ?? 0) + 1,
      createdAt: current?.createdAt ?? ctx.now,
      createdBy: current?.createdBy ?? ctx.by,
      updatedAt: ctx.now,
      updatedBy: ctx.by,
      ...keys.transfer.registryListed(trainerId),
    };
    try {
      await put({
        Item: item,
        ConditionExpression: current ? '#v = :v' : 'attribute_not_exists(pk)',
        ...(current
          ? {
              ExpressionAttributeNames: { '#v': 'version' },
              ExpressionAttributeValues: { ':v': current.version },
            }
          : {}),
      });
      return item;
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      // The caller edited the version it read: someone else's change wins, the caller reloads.
      if (input.expectedVersion !== undefined) {
        throw conflict('version-mismatch', 'The trainer was changed since you read it; reload and retry');
      }
      return RETRY;
    }
  };
  return withOptimisticRetry(attempt, {
    onExhausted: () => conflict('trainer-contention', 'Too many concurrent changes to this trainer; retry'),
  });
}

// --- sign-offs ------------------------------------------------------------------------------------------------

export async function putSignOff(record: SignOffRecord): Promise<SignOffItem> {
  const item: SignOffItem = {
    ...keys.transfer.signOff(record.trainerId, record.moduleId, record.stepId),
    entity: 'sign-off',
    ...record,
    ...keys.transfer.signOffByModule(record.moduleId, record.at, record.trainerId, record.stepId),
  };
  try {
    await put({ Item: item, ConditionExpression: 'attribute_not_exists(pk)' });
  } catch (e) {
    if (isConditionFailure(e)) {
      throw conflict('already-signed-off', `Step '${record.stepId}' was already signed off`);
    }
    throw e;
  }
  return item;
}

const toSignOff = (i: SignOffItem): SignOffRecord => ({
  trainerId: i.trainerId,
  moduleId: i.moduleId,
  stepId: i.stepId,
  by: i.by,
  byRole: i.byRole,
  at: i.at,
  recordedAt: i.recordedAt,
  basis: i.basis,
  ...(i.note ? { note: i.note } : {}),
});

/** One trainer's sign-offs (strongly consistent), optionally for one module. */
export async function listTrainerSignOffs(trainerId: string, moduleId?: string): Promise<SignOffRecord[]> {
  const items = await queryAll<SignOffItem>({
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :p)',
    ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' },
    ExpressionAttributeValues: {
      ':pk': keys.trainer.partition(trainerId),
      ':p': keys.transfer.signOffPrefix(moduleId),
    },
    ConsistentRead: true,
  });
  return items.map(toSignOff);
}

/** Every sign-off of a module (GSI1, eventually consistent). */
export async function listModuleSignOffs(moduleId: string): Promise<SignOffRecord[]> {
  const idx = TABLE.indexes.gsi1;
  const items = await queryAll<SignOffItem>({
    IndexName: idx.name,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': idx.partitionKey },
    ExpressionAttributeValues: { ':pk': keys.transfer.signOffModulePartition(moduleId) },
  });
  return items.filter((i) => i.entity === 'sign-off').map(toSignOff);
}

// --- delivered facilitations ----------------------------------------------------------------------------------

export async function putDelivered(item: Omit<DeliveredItem, 'pk' | 'sk' | 'entity'>): Promise<void> {
  await put({
    Item: {
      ...keys.transfer.delivered(item.trainerId, item.moduleId, item.sessionId),
      entity: 'delivered-facilitation',
      ...item,
    },
  });
}

export async function deleteDelivered(trainerId: string, moduleId: string, sessionId: string): Promise<void> {
  await remove({ Key: keys.transfer.delivered(trainerId, moduleId, sessionId) });
}

export async function listDelivered(trainerId: string, moduleId?: string): Promise<DeliveredItem[]> {
  return queryAll<DeliveredItem>({
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :p)',
    ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' },
    ExpressionAttributeValues: {
      ':pk': keys.trainer.partition(trainerId),
      ':p': keys.transfer.deliveredPrefix(moduleId),
    },
    ConsistentRead: true,
  });
}

/** The sessions on a trainer's agenda (the session repository's `facilitation#` items), with their role. */
export async function listAgenda(
  trainerId: string,
  window?: { start: string; end: string },
): Promise<{ sessionId: string; role: FacilitatorRole; moduleId: string; start: string; end: string }[]> {
  const names: Record<string, string> = { '#pk': 'pk', '#sk': 'sk' };
  const values: Record<string, NativeAttributeValue> = {
    ':pk': keys.trainer.partition(trainerId),
    ':p': keys.trainer.prefix.facilitation,
  };
  let filter: string | undefined;
  if (window) {
    names['#start'] = 'start';
    names['#end'] = 'end';
    values[':start'] = window.start;
    values[':end'] = window.end;
    filter = '#start < :end AND #end > :start';
  }
  return queryAll({
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :p)',
    ...(filter ? { FilterExpression: filter } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  });
}
