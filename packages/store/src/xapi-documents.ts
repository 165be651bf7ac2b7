import { createHash } from 'node:crypto';
import { batchWrite, get, isConditionFailure, put, queryAll, remove } from './gateway.ts';
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
  const item = await get<DocumentItem>({ Key: key, ConsistentRead: true });
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
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': pk, ':p': skPrefix, ...(since ? { ':since': since } : {}) },
    ...(since ? { FilterExpression: 'updated > :since' } : {}),
    ProjectionExpression: 'docId, updated',
    ConsistentRead: true,
  });
  return items.map((item) => ({ docId: String(item['docId']), updated: String(item['updated']) }));
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
    await put({
      Item: item,
      ...(cond.expectedEtag === null
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'etag = :e', ExpressionAttributeValues: { ':e': cond.expectedEtag } }),
    });
    return { written: true, etag };
  } catch (e) {
    if (isConditionFailure(e)) return { written: false, etag };
    throw e;
  }
}

export async function deleteDocument(key: ItemKey, cond?: WriteCondition): Promise<boolean> {
  try {
    await remove({
      Key: key,
      ...(cond?.expectedEtag
        ? { ConditionExpression: 'etag = :e', ExpressionAttributeValues: { ':e': cond.expectedEtag } }
        : {}),
    });
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** Deletes every document under a prefix (State: all documents of a context). */
export async function deleteDocuments(pk: string, skPrefix: string): Promise<void> {
  const found = await queryAll<ItemKey>({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': pk, ':p': skPrefix },
    ProjectionExpression: 'pk, sk',
    ConsistentRead: true,
  });
  await batchWrite(found.map((k) => ({ DeleteRequest: { Key: { pk: k.pk, sk: k.sk } } })));
}

export function sha1Hex(data: Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}
