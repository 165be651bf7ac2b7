/**
 * The lab's catalogue edits. One transaction per change: the item (conditioned on the version the lab's form was
 * loaded with), its history entry, and the programme's revision counter — conditioned on the revision the change was
 * validated against, so two edits that are each valid alone (archiving a module, adding it to a path) cannot both
 * commit: the second is re-validated against the first (`revision-moved`, the caller refreshes and decides again).
 */

import type { CatalogKind } from '@parcours/domain/content/programme';
import { conflict, notFound } from '@parcours/domain/errors';
import { type CatalogAction, type CatalogChange, diffFields, historyEntryItem } from './catalog-history.ts';
import {
  get,
  isConditionFailure,
  queryAll,
  queryPage,
  type TaggedOp,
  transactWrite,
  update,
} from './gateway.ts';
import { keys } from './keys.ts';
import type { CatalogItem } from './programme-repo.ts';

type Data = Record<string, unknown> & { id: string };
type Tag = 'item' | 'revision' | 'history';

export type WriteOutcome = { ok: true; item: CatalogItem<Data> } | { ok: false; reason: 'revision-moved' };

export interface WriteContext {
  by: string;
  now: string;
  /** The programme revision the change was validated against. */
  revision: number;
}

export async function getCatalogItem(kind: CatalogKind, id: string): Promise<CatalogItem<Data> | undefined> {
  return get<CatalogItem<Data>>({ Key: keys.catalog.item(kind, id), ConsistentRead: true });
}

export const versionOf = (item: { version?: number }): number => item.version ?? 1;

function revisionOp(revision: number): TaggedOp<Tag> {
  return {
    tag: 'revision',
    op: {
      Update: {
        Key: keys.catalog.revision,
        UpdateExpression: 'SET #entity = :entity ADD #revision :one',
        ConditionExpression: revision === 0 ? 'attribute_not_exists(#revision)' : '#revision = :seen',
        ExpressionAttributeNames: { '#entity': 'entity', '#revision': 'revision' },
        ExpressionAttributeValues: {
          ':entity': 'catalog-revision',
          ':one': 1,
          ...(revision === 0 ? {} : { ':seen': revision }),
        },
      },
    },
  };
}

function historyOp(kind: CatalogKind, id: string, change: CatalogChange): TaggedOp<Tag> {
  return {
    tag: 'history',
    op: {
      Put: {
        Item: historyEntryItem(kind, id, change),
        ConditionExpression: 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: { '#pk': 'pk' },
      },
    },
  };
}

/** The version a stored item must still have: items seeded before versioning have none (they count as 1). */
function versionCondition(item: CatalogItem<Data>) {
  return item.version === undefined
    ? { expression: 'attribute_exists(#pk) AND attribute_not_exists(#version)', values: {} }
    : { expression: 'attribute_exists(#pk) AND #version = :read', values: { ':read': item.version } };
}

/** Throws 409 `stale-version` unless the item is at the version the lab's form was loaded with. */
export function assertVersion(current: CatalogItem<Data>, expectedVersion: number): void {
  if (versionOf(current) !== expectedVersion) throw stale(current);
}

/** 409 `stale-version`, saying who saved the version the lab did not see. */
function stale(current: CatalogItem<Data>) {
  return conflict(
    'stale-version',
    'Someone saved this item after you loaded it: reload it, then redo your change',
    {
      version: versionOf(current),
      updatedAt: current.updatedAt,
      updatedBy: current.updatedBy,
    },
  );
}

/** The last version any incarnation of this id had (a re-created id continues its history). */
async function lastHistoryVersion(kind: CatalogKind, id: string): Promise<number> {
  const page = await queryPage<{ version: number }>({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.catalog.historyPartition(kind, id) },
    ScanIndexForward: false,
    Limit: 1,
    ConsistentRead: true,
  });
  return page.items[0]?.version ?? 0;
}

async function commit(ops: TaggedOp<Tag>[], onItemFailure: () => Promise<never>): Promise<boolean> {
  const outcome = await transactWrite(ops);
  if (outcome.ok) return true;
  if (outcome.failures.some((f) => f.tag === 'item' && f.code === 'ConditionalCheckFailed'))
    return onItemFailure();
  if (outcome.failures.some((f) => f.tag === 'revision' && f.code === 'ConditionalCheckFailed')) return false;
  if (outcome.transient)
    throw conflict('catalog-busy', 'The catalogue is being changed by someone else; retry');
  throw new Error(
    `Catalogue write cancelled: ${outcome.failures.map((f) => `${f.tag} ${f.code}`).join(', ')}`,
  );
}

export async function createCatalogItem(
  kind: CatalogKind,
  data: Data,
  ctx: WriteContext,
): Promise<WriteOutcome> {
  const version = (await lastHistoryVersion(kind, data.id)) + 1;
  const item: CatalogItem<Data> = {
    ...keys.catalog.item(kind, data.id),
    entity: kind,
    id: data.id,
    data,
    version,
    updatedAt: ctx.now,
    updatedBy: ctx.by,
  };
  const ok = await commit(
    [
      {
        tag: 'item',
        op: {
          Put: {
            Item: { ...item },
            ConditionExpression: 'attribute_not_exists(#pk)',
            ExpressionAttributeNames: { '#pk': 'pk' },
          },
        },
      },
      historyOp(kind, data.id, { version, at: ctx.now, by: ctx.by, action: 'created', changes: [] }),
      revisionOp(ctx.revision),
    ],
    async () => {
      throw conflict('catalog-id-taken', `A ${kind} with id '${data.id}' already exists`, { field: 'id' });
    },
  );
  return ok ? { ok, item } : { ok, reason: 'revision-moved' };
}

/** Replaces an item's content (an edit, an archive, a restore) if it is still at `expectedVersion`. */
export async function replaceCatalogItem(
  kind: CatalogKind,
  current: CatalogItem<Data>,
  data: Data,
  expectedVersion: number,
  action: Exclude<CatalogAction, 'created' | 'deleted'>,
  ctx: WriteContext,
): Promise<WriteOutcome> {
  if (versionOf(current) !== expectedVersion) throw stale(current);
  const version = expectedVersion + 1;
  const cond = versionCondition(current);
  const changes = diffFields(current.data, data);
  const ok = await commit(
    [
      {
        tag: 'item',
        op: {
          // An update, not a put: `usedAt`, set by the sessions that use the item, is not ours to overwrite.
          Update: {
            Key: keys.catalog.item(kind, current.id),
            UpdateExpression: 'SET #data = :data, #version = :version, #updatedAt = :at, #updatedBy = :by',
            ConditionExpression: cond.expression,
            ExpressionAttributeNames: {
              '#pk': 'pk',
              '#data': 'data',
              '#version': 'version',
              '#updatedAt': 'updatedAt',
              '#updatedBy': 'updatedBy',
            },
            ExpressionAttributeValues: {
              ':data': data,
              ':version': version,
              ':at': ctx.now,
              ':by': ctx.by,
              ...cond.values,
            },
          },
        },
      },
      historyOp(kind, current.id, { version, at: ctx.now, by: ctx.by, action, changes }),
      revisionOp(ctx.revision),
    ],
    async () => {
      const now = await getCatalogItem(kind, current.id);
      if (!now) throw notFound(kind, current.id);
      throw stale(now);
    },
  );
  return ok
    ? { ok, item: { ...current, data, version, updatedAt: ctx.now, updatedBy: ctx.by } }
    : { ok, reason: 'revision-moved' };
}

/** 409 when something refers to it: archive it instead. */
export const inUse = (kind: CatalogKind, id: string, why: string) =>
  conflict('catalog-item-in-use', `The ${kind} '${id}' is in use (${why}): archive it instead`, {
    reason: why,
  });

/** Deletes an item never used (no session, no member) if it is still at `expectedVersion`. */
export async function deleteCatalogItem(
  kind: CatalogKind,
  current: CatalogItem<Data>,
  expectedVersion: number,
  ctx: WriteContext,
): Promise<{ ok: true } | { ok: false; reason: 'revision-moved' }> {
  if (versionOf(current) !== expectedVersion) throw stale(current);
  if (current.usedAt) throw inUse(kind, current.id, 'used');
  const cond = versionCondition(current);
  const ok = await commit(
    [
      {
        tag: 'item',
        op: {
          Delete: {
            Key: keys.catalog.item(kind, current.id),
            ConditionExpression: `${cond.expression} AND attribute_not_exists(#usedAt)`,
            ExpressionAttributeNames: { '#pk': 'pk', '#version': 'version', '#usedAt': 'usedAt' },
            ...(Object.keys(cond.values).length ? { ExpressionAttributeValues: cond.values } : {}),
          },
        },
      },
      historyOp(kind, current.id, {
        version: expectedVersion + 1,
        at: ctx.now,
        by: ctx.by,
        action: 'deleted',
        changes: [],
      }),
      revisionOp(ctx.revision),
    ],
    async () => {
      const now = await getCatalogItem(kind, current.id);
      if (!now) throw notFound(kind, current.id);
      if (now.usedAt) throw inUse(kind, current.id, 'used');
      throw stale(now);
    },
  );
  return ok ? { ok } : { ok, reason: 'revision-moved' };
}

/**
 * The transaction op that marks an item used by a session (modules, sites) and refuses an archived one: the
 * session's own transaction carries it, so archiving and scheduling cannot cross.
 */
export function catalogUseOp(kind: CatalogKind, id: string, now: string) {
  return {
    Update: {
      Key: keys.catalog.item(kind, id),
      UpdateExpression: 'SET #usedAt = if_not_exists(#usedAt, :now)',
      ConditionExpression: 'attribute_exists(#pk) AND #data.#archived <> :true',
      ExpressionAttributeNames: {
        '#pk': 'pk',
        '#usedAt': 'usedAt',
        '#data': 'data',
        '#archived': 'archived',
      },
      ExpressionAttributeValues: { ':now': now, ':true': true },
    },
  };
}

/** Every item of one kind, archived ones included (strongly consistent: the lab reads back what it saved). */
export function listCatalogItems(kind: CatalogKind): Promise<CatalogItem<Data>[]> {
  return queryAll<CatalogItem<Data>>({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.catalog.partition, ':prefix': `${kind}#` },
    ConsistentRead: true,
  });
}

/**
 * Marks an item used outside a session's transaction (a path someone joins), before the use itself: a path a learner
 * belongs to can then never be deleted, only archived.
 */
export async function markCatalogItemUsed(kind: CatalogKind, id: string, now: string): Promise<void> {
  try {
    await update(catalogUseOp(kind, id, now).Update);
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    // Archived or deleted since this request loaded the programme: the same answers as the up-front checks.
    const item = await getCatalogItem(kind, id);
    if (!item) throw notFound(kind, id);
    throw conflict(`${kind}-archived`, `This ${kind} is archived`, { field: `${kind}Id` });
  }
}

/**
 * Whether any session was ever scheduled on this module or site, from the session indexes: covers sessions written
 * before `usedAt` existed. Paths, competencies and services have no session index (`usedAt` and references decide).
 */
export async function hasSessions(kind: CatalogKind, id: string): Promise<boolean> {
  if (kind !== 'module' && kind !== 'site') return false;
  const index = kind === 'module' ? 'gsi1' : 'gsi2';
  const pk =
    kind === 'module' ? keys.session.byModule(id, '', '').gsi1pk : keys.session.bySite(id, '', '').gsi2pk;
  const page = await queryPage({
    IndexName: index,
    KeyConditionExpression: `${index}pk = :pk`,
    ExpressionAttributeValues: { ':pk': pk },
    Limit: 1,
  });
  return page.items.length > 0;
}

/** Whether a room still has a session ending after `now` (its agenda's bookings): it cannot leave its site yet. */
export async function roomHasSessionsAfter(siteId: string, roomId: string, now: string): Promise<boolean> {
  const page = await queryPage<{ end: string }>({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    FilterExpression: '#end > :now',
    ExpressionAttributeNames: { '#end': 'end' },
    ExpressionAttributeValues: {
      ':pk': keys.room.partition(siteId, roomId),
      ':prefix': keys.room.prefix.booking,
      ':now': now,
    },
    ConsistentRead: true,
  });
  return page.items.length > 0 || page.lastKey !== undefined;
}
