import { createHash } from 'node:crypto';
import { batchWrite, queryPartition, type WriteRequest } from './gateway.ts';
import { keys } from './keys.ts';

/**
 * Content-addressed binary store in the table itself (attachments, large documents). Data is cut into chunks well
 * under the 400 KB item limit, so the same code runs on AWS and on DynamoDB Local (no S3 locally). Writes are
 * idempotent Puts (same content, same keys), so a retried or duplicated upload is harmless.
 */
export const BLOB_CHUNK_BYTES = 300 * 1024;

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Stores `data` under `sha` (the caller's content hash: an attachment's sha2, or sha256Hex for documents). */
export async function putBlob(sha: string, data: Uint8Array, contentType: string): Promise<void> {
  const chunks = Math.max(1, Math.ceil(data.length / BLOB_CHUNK_BYTES));
  const requests: WriteRequest[] = [];
  for (let n = 0; n < chunks; n++) {
    const part = data.subarray(n * BLOB_CHUNK_BYTES, (n + 1) * BLOB_CHUNK_BYTES);
    requests.push({
      PutRequest: { Item: { ...keys.xapi.blobChunk(sha, n), entity: 'xapi-blob-chunk', data: part } },
    });
  }
  // The meta item goes last and the groups of 25 are written one after the other: a reader that finds the meta knows
  // the earlier groups are there (order within a group is not guaranteed, but `getBlob` checks the chunk count).
  requests.push({
    PutRequest: {
      Item: { ...keys.xapi.blobMeta(sha), entity: 'xapi-blob', length: data.length, chunks, contentType },
    },
  });
  await batchWrite(requests, 1);
}

/** Reads a blob back, or undefined when it is missing or incomplete. One strongly consistent Query. */
export async function getBlob(sha: string): Promise<{ data: Buffer; contentType: string } | undefined> {
  const parts: Buffer[] = [];
  let meta: { length: number; chunks: number; contentType: string } | undefined;
  for (const item of await queryPartition(keys.xapi.blobPartition(sha))) {
    if (item['sk'] === 'meta') {
      meta = {
        length: Number(item['length']),
        chunks: Number(item['chunks']),
        contentType: String(item['contentType']),
      };
    } else parts.push(Buffer.from(item['data'] as Uint8Array));
  }
  if (!meta || parts.length !== meta.chunks) return undefined;
  const data = Buffer.concat(parts);
  return data.length === meta.length ? { data, contentType: meta.contentType } : undefined;
}
