import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { FacilitatorRole } from '@parcours/domain/api/sessions-api';
import type { PutTrainerInput } from '@parcours/domain/api/transfer-api';
import { conflict } from '@parcours/domain/errors';
import type { KindHistoryEntry, KindOrUnknown, TrainerKind } from '@parcours/domain/transfer/delivery';
import type { DeliveredFacilitation, SignOffRecord } from '@parcours/domain/transfer/ladder';
import { documentClient, tableName } from './client.ts';
import { keys } from './keys.ts';
import { TABLE } from './table.ts';
import { chunk } from './transact.ts';

/**
 * The trainer registry, sign-offs and delivered facilitations (docs/transfer.md). All in the trainer's partition
 * `trainer#<id>`, next to the agenda the session repository keeps there (`facilitation#…`, `lock#schedule`).
 */

export interface TrainerItem {
  pk: string;
  sk: 'registry';
  entity: 'trainer';
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
  entity: 'sign-off';
  gsi1pk: string;
  gsi1sk: string;
}

export interface DeliveredItem extends DeliveredFacilitation {
  pk: string;
  sk: string;
  entity: 'delivered-facilitation';
  trainerId: string;
  pathId?: string;
  siteId: string;
  leadKind: string;
  kind: KindOrUnknown;
  updatedAt: string;
}

export async function queryAll<T>(
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<T[]> {
  const out: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await documentClient().send(
      new QueryCommand({ TableName: tableName(), ...input, ExclusiveStartKey: start }),
    );
    out.push(...((res.Items ?? []) as T[]));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

/** BatchGet with retries of unprocessed keys; returns the items found (any order). */
export async function batchGet<T>(
  itemKeys: readonly { pk: string; sk: string }[],
  consistent = false,
): Promise<T[]> {
  const out: T[] = [];
  const unique = [...new Map(itemKeys.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()];
  for (const group of chunk(unique, 100)) {
    let pending: Record<string, unknown>[] | undefined = group.map((k) => ({ pk: k.pk, sk: k.sk }));
    for (let attempt = 0; pending && pending.length > 0; attempt++) {
      if (attempt > 8) throw new Error('BatchGet: unprocessed keys remain after retries');
      if (attempt > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
      const res = await documentClient().send(
        new BatchGetCommand({
          RequestItems: { [tableName()]: { Keys: pending, ConsistentRead: consistent } },
        }),
      );
      out.push(...((res.Responses?.[tableName()] ?? []) as T[]));
      pending = res.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return out;
}

export async function getTrainer(trainerId: string, consistent = true): Promise<TrainerItem | undefined> {
  const r = await documentClient().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.transfer.registry(trainerId),
      ConsistentRead: consistent,
    }),
  );
  return r.Item as TrainerItem | undefined;
}

export async function getTrainers(trainerIds: readonly string[]): Promise<Map<string, TrainerItem>> {
  if (trainerIds.length === 0) return new Map();
  const items = await batchGet<TrainerItem>(
    trainerIds.map((t) => keys.transfer.registry(t)),
    true,
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
  for (let attempt = 0; attempt < 5; attempt++) {
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
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: item,
          ConditionExpression: current ? '#v = :v' : 'attribute_not_exists(pk)',
          ...(current
            ? {
                ExpressionAttributeNames: { '#v': 'version' },
                ExpressionAttributeValues: { ':v': current.version },
              }
            : {}),
        }),
      );
      return item;
    } catch (e) {
      if (!(e instanceof ConditionalCheckFailedException)) throw e;
      if (input.expectedVersion !== undefined) {
        throw conflict('version-mismatch', 'The trainer was changed since you read it; reload and retry');
      }
    }
  }
  throw conflict('trainer-contention', 'Too many concurrent changes to this trainer; retry');
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
    await documentClient().send(
      new PutCommand({ TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException) {
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
  await documentClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.transfer.delivered(item.trainerId, item.moduleId, item.sessionId),
        entity: 'delivered-facilitation',
        ...item,
      },
    }),
  );
}

export async function deleteDelivered(trainerId: string, moduleId: string, sessionId: string): Promise<void> {
  await documentClient().send(
    new DeleteCommand({
      TableName: tableName(),
      Key: keys.transfer.delivered(trainerId, moduleId, sessionId),
    }),
  );
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
  const values: Record<string, unknown> = {
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
