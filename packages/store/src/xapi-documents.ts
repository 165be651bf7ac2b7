import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchWrite } from './catalog-sync.ts';
import { documentClient, tableName } from './client.ts';
import type { ItemKey } from './keys.ts';
import { getBlob, putBlob, sha256Hex } from './xapi-blobs.ts';

/**
 * Documents of the State, Activity Profile and Agent Profile resources (Communication 2.2-2.7). One item per
 * document; contents up to INLINE_LIMIT live in the item, larger ones in the blob store (chunked), so documents of
 * any reasonable size work within the 400 KB item limit. Writes are conditional on the ETag read, so concurrent
 * writers cannot lose an update between the precondition check and the write.
 */
export const INLINE_LIMIT = 256 * 1024;

export interface DocumentItem {
  pk: string;
  sk: string;
  entity: 'xapi-document';
  /** stateId or profileId as the client gave it. */
  docId: string;
  contentType: string;
  /** Lower-case hex SHA-1 of the contents (Communication 3.1.s4.b2). */
  etag: string;
  updated: string;
  length: number;
  body?: Uint8Array;
  blob?: string;
  /** Query context kept with the item (registration of a State document). */
  registration?: string;
}

export interface StoredDocument {
  item: DocumentItem;
  body: Buffer;
}

export async function getDocument(key: ItemKey): Promise<StoredDocument | undefined> {
  const r = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }),
  );
  const item = r.Item as DocumentItem | undefined;
  if (!item) return undefined;
  if (item.body !== undefined) return { item, body: Buffer.from(item.body) };
  const blob = item.blob ? await getBlob(item.blob) : undefined;
  if (!blob) throw new Error(`document ${item.pk}/${item.sk}: content blob missing`);
  return { item, body: blob.data };
}

/** Ids and update times of the documents under a key prefix, optionally only those updated after `since`. */
export async function listDocuments(
  pk: string,
  skPrefix: string,
  since?: string,
): Promise<{ docId: string; updated: string }[]> {
  const out: { docId: string; updated: string }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': pk, ':p': skPrefix, ...(since ? { ':since': since } : {}) },
        ...(since ? { FilterExpression: 'updated > :since' } : {}),
        ProjectionExpression: 'docId, updated',
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of res.Items ?? [])
      out.push({ docId: String(item['docId']), updated: String(item['updated']) });
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

/** `expectedEtag`: the ETag read before deciding (null: the document did not exist). */
export type WriteCondition = { expectedEtag: string | null };

/** Writes a document if it is still as read; false when another writer got there first. */
export async function putDocument(
  key: ItemKey,
  doc: { docId: string; contentType: string; body: Buffer; updated: string; registration?: string },
  cond: WriteCondition,
): Promise<{ written: boolean; etag: string }> {
  const etag = sha1Hex(doc.body);
  const item: DocumentItem = {
    ...key,
    entity: 'xapi-document',
    docId: doc.docId,
    contentType: doc.contentType,
    etag,
    updated: doc.updated,
    length: doc.body.length,
    ...(doc.registration ? { registration: doc.registration } : {}),
  };
  if (doc.body.length <= INLINE_LIMIT) item.body = doc.body;
  else {
    const sha = sha256Hex(doc.body);
    await putBlob(sha, doc.body, doc.contentType);
    item.blob = sha;
  }
  try {
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: item,
        ...(cond.expectedEtag === null
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'etag = :e', ExpressionAttributeValues: { ':e': cond.expectedEtag } }),
      }),
    );
    return { written: true, etag };
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException) return { written: false, etag };
    throw e;
  }
}

export async function deleteDocument(key: ItemKey, cond?: WriteCondition): Promise<boolean> {
  try {
    await documentClient().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: key,
        ...(cond?.expectedEtag
          ? { ConditionExpression: 'etag = :e', ExpressionAttributeValues: { ':e': cond.expectedEtag } }
          : {}),
      }),
    );
    return true;
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException) return false;
    throw e;
  }
}

/** Deletes every document under a prefix (State: all documents of a context). */
export async function deleteDocuments(pk: string, skPrefix: string): Promise<void> {
  const requests: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': pk, ':p': skPrefix },
        ProjectionExpression: 'pk, sk',
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of res.Items ?? [])
      requests.push({ DeleteRequest: { Key: { pk: item['pk'], sk: item['sk'] } } });
    start = res.LastEvaluatedKey;
  } while (start);
  await batchWrite(requests);
}

export function sha1Hex(data: Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}
