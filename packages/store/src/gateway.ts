/**
 * The table gateway: the only module of the application that talks to DynamoDB. Everything else in the store (entity
 * modules, read models) calls these functions; nothing outside the store imports `@aws-sdk/*` for the table (a Biome
 * rule says so).
 *
 * - Inputs are the document client's, without `TableName` (the gateway knows its table).
 * - Every call goes through one retry policy (retry-policy.ts): throttling, conflicts, 5xx and network failures are
 *   retried with jittered backoff within a time budget; then the error is thrown (→ 503 at the API).
 * - Batch reads and writes retry their leftovers (`UnprocessedKeys` / `UnprocessedItems`) under the same budget and
 *   throw `StoreUnavailableError` when they cannot finish: never a silent partial result.
 * - Transactions take tagged operations (the caller's vocabulary) and report a cancellation by tag. Conflicts and
 *   throttling are retried here; what is still contended when the budget is spent comes back `transient`, and a
 *   failed condition comes back as the caller's to handle.
 */
import { type AttributeValue, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  type DeleteCommandInput,
  GetCommand,
  type GetCommandInput,
  type NativeAttributeValue,
  PutCommand,
  type PutCommandInput,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  type ScanCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
  type UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.ts';
import { interceptSend } from './fault-hook.ts';
import { countCall, isRetryable, pauseBeforeRetry, retryPolicy, withRetry } from './retry-policy.ts';

export type { NativeAttributeValue };
/** A stored item in document form. */
export type Item = Record<string, NativeAttributeValue>;
export type Key = { pk: string; sk: string };

type NoTable<T> = Omit<T, 'TableName'>;
export type GetInput = NoTable<GetCommandInput>;
export type PutInput = NoTable<PutCommandInput>;
export type UpdateInput = NoTable<UpdateCommandInput>;
export type DeleteInput = NoTable<DeleteCommandInput>;
export type QueryInput = NoTable<QueryCommandInput>;
export type ScanInput = NoTable<ScanCommandInput>;

type DocTransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
/** One operation of a transaction, in document form, without `TableName`. */
export type TransactItem =
  | { Put: NoTable<NonNullable<DocTransactItem['Put']>> }
  | { Update: NoTable<NonNullable<DocTransactItem['Update']>> }
  | { Delete: NoTable<NonNullable<DocTransactItem['Delete']>> }
  | { ConditionCheck: NoTable<NonNullable<DocTransactItem['ConditionCheck']>> };

/** A batch write request in document form. */
export type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } };

/** The store could not finish what it was asked within its retry budget (throttling, leftovers, an outage). */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

/** DynamoDB's limits per call. */
export const LIMITS = { batchGet: 100, batchWrite: 25, transaction: 100 } as const;

// biome-ignore lint/suspicious/noExplicitAny: the SDK's command union is not expressible without it
type AnyCommand = { input: any; constructor: { name: string } };

async function send<O>(command: AnyCommand): Promise<O> {
  const client = documentClient();
  countCall();
  return interceptSend(command.constructor.name, command.input, () =>
    client.send(command as Parameters<typeof client.send>[0]),
  ) as Promise<O>;
}

/** Our own condition said no (single-item write). */
export function isConditionFailure(e: unknown): boolean {
  return (e as { name?: string } | null)?.name === 'ConditionalCheckFailedException';
}

export async function get<T = Item>(input: GetInput): Promise<T | undefined> {
  const r = await withRetry(() =>
    send<{ Item?: Item }>(new GetCommand({ TableName: tableName(), ...input })),
  );
  return r.Item as T | undefined;
}

export async function put(input: PutInput): Promise<void> {
  await withRetry(() => send(new PutCommand({ TableName: tableName(), ...input })));
}

/** Creates the item unless one with its key exists; returns whether it was created (replay-safe writes). */
export async function putIfAbsent(item: Item): Promise<boolean> {
  try {
    await put({ Item: item, ConditionExpression: 'attribute_not_exists(pk)' });
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

export async function update(input: UpdateInput): Promise<Item | undefined> {
  const r = await withRetry(() =>
    send<UpdateCommandOutput>(new UpdateCommand({ TableName: tableName(), ...input })),
  );
  return r.Attributes;
}

export async function remove(input: DeleteInput): Promise<void> {
  await withRetry(() => send(new DeleteCommand({ TableName: tableName(), ...input })));
}

export interface Page<T> {
  items: T[];
  count: number;
  lastKey?: Item;
}

/** One page of a Query (the caller holds the cursor). */
export async function queryPage<T = Item>(input: QueryInput): Promise<Page<T>> {
  const r = await withRetry(() =>
    send<{ Items?: Item[]; Count?: number; LastEvaluatedKey?: Item }>(
      new QueryCommand({ TableName: tableName(), ...input }),
    ),
  );
  return {
    items: (r.Items ?? []) as T[],
    count: r.Count ?? 0,
    ...(r.LastEvaluatedKey ? { lastKey: r.LastEvaluatedKey } : {}),
  };
}

/** Every page of a Query, following `LastEvaluatedKey`. */
export async function* queryPages<T = Item>(input: QueryInput): AsyncGenerator<Page<T>> {
  let start = input.ExclusiveStartKey;
  do {
    const page = await queryPage<T>({ ...input, ...(start ? { ExclusiveStartKey: start } : {}) });
    yield page;
    start = page.lastKey;
  } while (start);
}

/** A Query to the end: for collections known to be bounded (one learner, one session, one trainer). */
export async function queryAll<T = Item>(input: QueryInput): Promise<T[]> {
  const out: T[] = [];
  for await (const page of queryPages<T>(input)) out.push(...page.items);
  return out;
}

/** How many items a Query matches (`Select: 'COUNT'`, every page). */
export async function queryCount(input: QueryInput): Promise<number> {
  let n = 0;
  for await (const page of queryPages({ ...input, Select: 'COUNT' })) n += page.count;
  return n;
}

/** Every item of one partition, strongly consistent. */
export function queryPartition<T = Item>(pk: string, projection?: string): Promise<T[]> {
  return queryAll<T>({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': pk },
    ConsistentRead: true,
    ...(projection ? { ProjectionExpression: projection } : {}),
  });
}

/** Every page of a Scan (offline rebuilds, erasure sweeps); `Segment`/`TotalSegments` pass through. */
export async function* scanPages<T = Item>(input: ScanInput): AsyncGenerator<Page<T>> {
  let start = input.ExclusiveStartKey;
  do {
    const r = await withRetry(() =>
      send<{ Items?: Item[]; Count?: number; LastEvaluatedKey?: Item }>(
        new ScanCommand({ TableName: tableName(), ...input, ...(start ? { ExclusiveStartKey: start } : {}) }),
      ),
    );
    yield { items: (r.Items ?? []) as T[], count: r.Count ?? 0 };
    start = r.LastEvaluatedKey;
  } while (start);
}

/**
 * Reads many items by key (any number; 100 per call). Leftovers are retried under the retry policy; if some keys
 * are still unread when the budget is spent, throws: a caller never gets a partial answer. Missing items are simply
 * absent from the result (order not kept).
 */
export async function batchGet<T = Item>(
  keys: readonly Key[],
  opts: { consistent?: boolean; projection?: string; names?: Record<string, string> } = {},
): Promise<T[]> {
  const out: T[] = [];
  const T = tableName();
  const policy = retryPolicy();
  const unique = [...new Map(keys.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()];
  for (let i = 0; i < unique.length; i += LIMITS.batchGet) {
    let pending: Item[] = unique.slice(i, i + LIMITS.batchGet);
    const started = Date.now();
    for (let n = 0; pending.length > 0; n++) {
      if (n > 0 && !(await pauseBeforeRetry(n, started, policy))) {
        throw new StoreUnavailableError(`batchGet: ${pending.length} keys unread after retries`);
      }
      const request = {
        [T]: {
          Keys: pending,
          ...(opts.consistent ? { ConsistentRead: true } : {}),
          ...(opts.projection ? { ProjectionExpression: opts.projection } : {}),
          ...(opts.names ? { ExpressionAttributeNames: opts.names } : {}),
        },
      };
      let r: { Responses?: Record<string, Item[]>; UnprocessedKeys?: Record<string, { Keys?: Item[] }> };
      try {
        r = await send(new BatchGetCommand({ RequestItems: request }));
      } catch (e) {
        if (!isRetryable(e)) throw e;
        continue;
      }
      out.push(...((r.Responses?.[T] ?? []) as T[]));
      pending = r.UnprocessedKeys?.[T]?.Keys ?? [];
    }
  }
  return out;
}

/**
 * Writes many puts/deletes (any number; 25 per call, `concurrency` calls in flight). Leftovers are retried under
 * the retry policy; throws `StoreUnavailableError` if some remain unwritten when the budget is spent. Batch writes
 * are not atomic: callers whose items must appear together write a marker last (see xapi-blobs.ts) or use
 * `transactWrite`.
 */
export async function batchWrite(requests: readonly WriteRequest[], concurrency = 4): Promise<void> {
  const T = tableName();
  const policy = retryPolicy();
  const groups: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += LIMITS.batchWrite)
    groups.push(requests.slice(i, i + LIMITS.batchWrite));
  let next = 0;
  const worker = async () => {
    while (next < groups.length) {
      let pending = groups[next++]!;
      const started = Date.now();
      for (let n = 0; pending.length > 0; n++) {
        if (n > 0 && !(await pauseBeforeRetry(n, started, policy))) {
          throw new StoreUnavailableError(`batchWrite: ${pending.length} writes left after retries`);
        }
        try {
          const r = await send<{ UnprocessedItems?: Record<string, WriteRequest[]> }>(
            new BatchWriteCommand({ RequestItems: { [T]: pending } }),
          );
          pending = r.UnprocessedItems?.[T] ?? [];
        } catch (e) {
          if (!isRetryable(e)) throw e;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, groups.length) }, worker));
}

/**
 * An operation plus a caller-chosen tag saying what it is (e.g. `{ kind: 'trainer-lock', trainerId }`), so that a
 * cancellation is reported in the caller's terms rather than as positions in an array.
 */
export interface TaggedOp<T> {
  op: TransactItem;
  tag: T;
}

/** DynamoDB's cancellation codes; `None` items are not reported as failures. */
export type CancellationCode =
  | 'ConditionalCheckFailed'
  | 'TransactionConflict'
  | 'ItemCollectionSizeLimitExceeded'
  | 'ProvisionedThroughputExceeded'
  | 'ThrottlingError'
  | 'RequestLimitExceeded'
  | 'ValidationError'
  | (string & {});

export interface OpFailure<T> {
  index: number;
  tag: T;
  code: CancellationCode;
  message?: string;
  /** The item as it was, when the op asked for `ReturnValuesOnConditionCheckFailure: 'ALL_OLD'` (wire format). */
  item?: Record<string, AttributeValue>;
}

export type TransactOutcome<T> =
  | { ok: true }
  | {
      ok: false;
      /** Ops that caused the cancellation, with their tags. */
      failures: OpFailure<T>[];
      /**
       * Still contended after the retry budget (conflicts, throttling): the caller may give up (409/503) or re-read
       * and try again. Condition failures are never transient: the caller must re-read before deciding again.
       */
      transient: boolean;
    };

function withTable(op: TransactItem, T: string): DocTransactItem {
  if ('Put' in op) return { Put: { ...op.Put, TableName: T } };
  if ('Update' in op) return { Update: { ...op.Update, TableName: T } };
  if ('Delete' in op) return { Delete: { ...op.Delete, TableName: T } };
  return { ConditionCheck: { ...op.ConditionCheck, TableName: T } };
}

/**
 * TransactWriteItems with tagged ops. Conflicts and throttling are retried (the same ops: their conditions are
 * re-evaluated by DynamoDB each time) under the retry policy; a condition failure comes back as data, by tag.
 * Anything else (an invalid request, an outage past the budget) throws.
 */
export async function transactWrite<T>(
  ops: readonly TaggedOp<T>[],
  opts: { clientRequestToken?: string } = {},
): Promise<TransactOutcome<T>> {
  if (ops.length === 0) return { ok: true };
  if (ops.length > LIMITS.transaction) {
    throw new Error(`transactWrite: ${ops.length} items exceed the limit of ${LIMITS.transaction}`);
  }
  const T = tableName();
  const input: TransactWriteCommandInput = {
    TransactItems: ops.map((o) => withTable(o.op, T)),
    ...(opts.clientRequestToken ? { ClientRequestToken: opts.clientRequestToken } : {}),
  };
  try {
    await withRetry(() => send(new TransactWriteCommand(input)));
    return { ok: true };
  } catch (e) {
    const err = e as {
      name?: string;
      CancellationReasons?: { Code?: string; Message?: string; Item?: Record<string, AttributeValue> }[];
    };
    if (err.name === 'TransactionCanceledException') {
      const failures: OpFailure<T>[] = [];
      (err.CancellationReasons ?? []).forEach((r, index) => {
        if (!r.Code || r.Code === 'None') return;
        failures.push({
          index,
          tag: ops[index]!.tag,
          code: r.Code,
          ...(r.Message ? { message: r.Message } : {}),
          ...(r.Item ? { item: r.Item } : {}),
        });
      });
      return { ok: false, failures, transient: isRetryable(e) || failures.length === 0 };
    }
    if (err.name === 'TransactionConflictException') return { ok: false, failures: [], transient: true };
    throw e;
  }
}

/** The table's status, for health probes: one attempt, no retries (a probe reports, it does not wait). */
export async function describeTable(): Promise<string | undefined> {
  const r = await send<{ Table?: { TableStatus?: string } }>(
    new DescribeTableCommand({ TableName: tableName() }),
  );
  return r.Table?.TableStatus;
}
