import {
  batchGet,
  batchWrite,
  isConditionFailure,
  LIMITS,
  put,
  queryAll,
  StoreUnavailableError,
  type TaggedOp,
  type TransactItem,
  transactWrite,
} from './gateway.ts';
import { type ItemKey, keys } from './keys.ts';

/**
 * Statement items of the LRS (docs/xapi-lrs.md). One item per Statement, in its own partition `xstmt#<id>`; the
 * Statement itself is kept as its JSON text (`doc`), exactly as it will be returned. Query indexes are written later by
 * the stream projection, so a write is one conditional Put per Statement.
 */

/** Shards of the sparse "not yet indexed" GSI partition (spreads ingest bursts over several GSI partitions). */
export const UNINDEXED_SHARDS = 4;

export interface StatementItem {
  pk: string;
  sk: 'statement';
  entity: 'xapi-statement';
  id: string;
  /** The stored Statement, serialised. */
  doc: string;
  stored: string;
  /** `<stored>#<seq>#<id>`: the sort key of every index entry of this Statement. */
  order: string;
  /** Key of the authority (the credential that wrote it): statements/read/mine. */
  authorityKey: string;
  /** Set on voiding Statements: the id of the Statement voided. */
  voids?: string;
  /** sha2 of the attachment data stored with the Statement (blob store). */
  attachmentShas?: string[];
  /** Whether the writer may (re)define Activities (scope `define`): the projection then updates canonical data. */
  canDefine: boolean;
  gsi1pk?: string;
  gsi1sk?: string;
}

export interface VoidedByItem {
  pk: string;
  sk: 'voided-by';
  entity: 'xapi-voided-by';
  targetId: string;
  voidingId: string;
  stored: string;
}

export function shardOf(id: string): number {
  let h = 0;
  for (const ch of id.toLowerCase()) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % UNINDEXED_SHARDS;
}

export function statementItem(input: {
  id: string;
  doc: string;
  stored: string;
  seq: number;
  authorityKey: string;
  voids?: string;
  attachmentShas?: string[];
  canDefine: boolean;
}): StatementItem {
  const order = keys.xapi.order(input.stored, input.seq, input.id);
  return {
    ...keys.xapi.statement(input.id),
    sk: 'statement',
    entity: 'xapi-statement',
    id: input.id.toLowerCase(),
    doc: input.doc,
    stored: input.stored,
    order,
    authorityKey: input.authorityKey,
    ...(input.voids ? { voids: input.voids.toLowerCase() } : {}),
    ...(input.attachmentShas?.length ? { attachmentShas: input.attachmentShas } : {}),
    canDefine: input.canDefine,
    ...keys.xapi.unindexed(shardOf(input.id), order),
  };
}

export function voidedByItem(targetId: string, voidingId: string, stored: string): VoidedByItem {
  return {
    ...keys.xapi.voidedBy(targetId),
    sk: 'voided-by',
    entity: 'xapi-voided-by',
    targetId: targetId.toLowerCase(),
    voidingId: voidingId.toLowerCase(),
    stored,
  };
}

/** The TransactWriteItems op that stores one Statement unless its id is taken. */
export function statementPutOp(item: StatementItem, conditional = true): TransactItem {
  return { Put: { Item: item, ...(conditional ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}) } };
}

/** `existingIds`: Statements whose id is taken; `markerTargets`: targets another voiding Statement marked meanwhile. */
export type WriteOutcome = { ok: true } | { ok: false; existingIds: string[]; markerTargets: string[] };

/** What each op of a Statement transaction is, so that a cancellation names the ids or targets taken. */
type WriteTag =
  | { kind: 'statement'; id: string }
  | { kind: 'marker'; targetId: string }
  | { kind: 'credential' };

/**
 * A condition on the writer's credential item, checked in the same transaction: the LRS uses it when it did not read
 * the credential for this request (see functions/lrs/auth.ts, `authenticateForWrite`).
 */
export interface CredentialCheck {
  key: ItemKey;
  secretHash: string;
  now: string;
}

/** Thrown when the credential check of a write fails (revoked, expired or rotated meanwhile): nothing was written. */
export class CredentialCheckFailed extends Error {
  constructor() {
    super('credential check failed');
    this.name = 'CredentialCheckFailed';
  }
}

function credentialCheckOp(c: CredentialCheck): TransactItem {
  return {
    ConditionCheck: {
      Key: c.key,
      ConditionExpression:
        'secretHash = :h AND attribute_not_exists(revokedAt) AND (attribute_not_exists(validUntil) OR validUntil > :now)',
      ExpressionAttributeValues: { ':h': c.secretHash, ':now': c.now },
    },
  };
}

/**
 * Stores Statements (and voiding markers) all or nothing: one conditional Put for a lone Statement, otherwise one
 * TransactWriteItems (≤ 100 items with the credential check; the caller enforces the limit). When ids already exist,
 * nothing is written and their ids are returned so that the caller compares contents (Communication 2.1.2.s2.b4-b5).
 */
export async function writeStatements(
  statements: StatementItem[],
  markers: VoidedByItem[],
  credential?: CredentialCheck,
): Promise<WriteOutcome> {
  const total = statements.length + markers.length + (credential ? 1 : 0);
  if (statements.length + markers.length === 0) return { ok: true };
  if (total > LIMITS.transaction) throw new Error(`writeStatements: ${total} items exceed one transaction`);
  if (total === 1 && statements[0]) {
    try {
      await put({ Item: statements[0], ConditionExpression: 'attribute_not_exists(pk)' });
      return { ok: true };
    } catch (e) {
      if (isConditionFailure(e)) {
        return { ok: false, existingIds: [statements[0].id], markerTargets: [] };
      }
      throw e;
    }
  }
  const ops: TaggedOp<WriteTag>[] = [
    ...statements.map((s) => ({ op: statementPutOp(s), tag: { kind: 'statement' as const, id: s.id } })),
    ...markers.map((m) => ({
      op: { Put: { Item: m, ConditionExpression: 'attribute_not_exists(pk)' } },
      tag: { kind: 'marker' as const, targetId: m.targetId },
    })),
    ...(credential ? [{ op: credentialCheckOp(credential), tag: { kind: 'credential' as const } }] : []),
  ];
  // One transaction: the gateway retries conflicts and throttling; nothing is ever written in part.
  const outcome = await transactWrite(ops);
  if (outcome.ok) return outcome;
  const failed = outcome.failures.filter((f) => f.code === 'ConditionalCheckFailed').map((f) => f.tag);
  if (failed.some((t) => t.kind === 'credential')) throw new CredentialCheckFailed();
  if (failed.length > 0) {
    return {
      ok: false,
      existingIds: failed.flatMap((t) => (t.kind === 'statement' ? [t.id] : [])),
      markerTargets: failed.flatMap((t) => (t.kind === 'marker' ? [t.targetId] : [])),
    };
  }
  const codes = outcome.failures.map((f) => f.code).join(', ') || 'unknown';
  if (outcome.transient) throw new StoreUnavailableError(`Statement transaction still contended: ${codes}`);
  throw new Error(`Statement transaction failed: ${codes}`);
}

export interface StatementRecord {
  statement: StatementItem;
  /** Present when a voiding Statement targets this one (a voiding Statement itself is never voided). */
  voidedBy?: VoidedByItem;
}

/** True when the Statement counts as voided (Data 2.3.2: only non-voiding Statements can be voided). */
export function isVoided(record: StatementRecord): boolean {
  return record.voidedBy !== undefined && record.statement.voids === undefined;
}

/** One Statement and its voiding marker: one strongly consistent Query on its partition. */
export async function readStatement(id: string): Promise<StatementRecord | undefined> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :a AND :b',
    ExpressionAttributeValues: {
      ':pk': keys.xapi.statementPartition(id),
      ':a': 'statement',
      ':b': 'voided-by',
    },
    ConsistentRead: true,
  });
  let statement: StatementItem | undefined;
  let voidedBy: VoidedByItem | undefined;
  for (const item of items) {
    if (item['sk'] === 'statement') statement = item as StatementItem;
    else if (item['sk'] === 'voided-by') voidedBy = item as VoidedByItem;
  }
  return statement ? { statement, ...(voidedBy ? { voidedBy } : {}) } : undefined;
}

export interface StatementLookup {
  statements: Map<string, StatementRecord>;
  /** Voiding markers by target id, including targets the LRS does not hold (yet). */
  markers: Map<string, VoidedByItem>;
}

/** Many Statements with their voiding markers (strongly consistent BatchGetItem: complete, or it throws). */
export async function readStatements(ids: readonly string[]): Promise<StatementLookup> {
  const statements = new Map<string, StatementRecord>();
  const markers = new Map<string, VoidedByItem>();
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  const items = await batchGet(
    unique.flatMap((id) => [keys.xapi.statement(id), keys.xapi.voidedBy(id)]),
    { consistent: true },
  );
  for (const item of items) {
    if (item['sk'] === 'statement') {
      const s = item as StatementItem;
      statements.set(s.id, { statement: s });
    } else if (item['sk'] === 'voided-by') {
      const v = item as VoidedByItem;
      markers.set(v.targetId, v);
    }
  }
  for (const [id, marker] of markers) {
    const record = statements.get(id);
    if (record) record.voidedBy = marker;
  }
  return { statements, markers };
}

/** Removes Statements and markers written by an earlier part of a batch that could not be completed. */
export async function deleteStatementItems(items: readonly { pk: string; sk: string }[]): Promise<void> {
  await batchWrite(items.map((i) => ({ DeleteRequest: { Key: { pk: i.pk, sk: i.sk } } })));
}
