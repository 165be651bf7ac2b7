import { batchWrite, get, put, queryAll, type WriteRequest } from './gateway.ts';
import { keys } from './keys.ts';

/**
 * Report exports (docs/reports.md, "Exports"): a job item and its parts, each part gzip-compressed and chunked
 * under DynamoDB's 400 KB item limit. Everything expires through the table's TTL (`expiresAt`).
 */
export interface ExportPartMeta {
  part: number;
  rows: number;
  /** Uncompressed bytes (what a download without gzip returns: below the 6 MB response limit). */
  bytes: number;
  gzBytes: number;
}

export interface ExportJobItem {
  pk: string;
  sk: 'job';
  entity: 'report-export';
  id: string;
  ownerId: string;
  report: 'agents' | 'services' | 'paths';
  format: 'csv' | 'json';
  /** The request as validated (filters, sort), JSON. */
  request: string;
  /** Services in scope when the export was created (the scope is frozen with the job). */
  scopeAll: boolean;
  scopeServices: string[];
  status: 'running' | 'ready';
  /** Where to resume (the source's position), while running. */
  resume?: string;
  rows: number;
  bytes: number;
  parts: ExportPartMeta[];
  fileName: string;
  v: number;
  createdAt: string;
  updatedAt: string;
  expiresAt: number;
}

/** One piece of a part's gzip bytes (`report-export#<id>` / `part#<n>#chunk#<m>`). */
interface ExportChunkItem {
  pk: string;
  sk: string;
  entity: 'report-export-chunk';
  data: Uint8Array;
  expiresAt: number;
}

/** Chunks of a part: well under 400 KB with the key and attribute overhead. */
export const EXPORT_CHUNK_BYTES = 350_000;

export async function createExportJob(job: ExportJobItem): Promise<void> {
  await put({ Item: job, ConditionExpression: 'attribute_not_exists(pk)' });
}

export function getExportJob(id: string): Promise<ExportJobItem | undefined> {
  return get<ExportJobItem>({ Key: keys.report.exportJob(id), ConsistentRead: true });
}

/** Saves the job's progress, conditional on the version read (two `continue` calls cannot both write part N). */
export async function saveExportJob(job: ExportJobItem, readVersion: number): Promise<void> {
  await put({ Item: job, ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': readVersion } });
}

/** Writes a part's gzip bytes as chunk items (BatchWriteItem: every chunk written, or it throws). */
export async function writeExportPart(
  id: string,
  part: number,
  gz: Buffer,
  expiresAt: number,
): Promise<void> {
  const requests: WriteRequest[] = [];
  for (let off = 0, n = 0; off < gz.length || n === 0; off += EXPORT_CHUNK_BYTES, n++) {
    const chunk: ExportChunkItem = {
      ...keys.report.exportChunk(id, part, n),
      entity: 'report-export-chunk',
      data: gz.subarray(off, off + EXPORT_CHUNK_BYTES),
      expiresAt,
    };
    requests.push({ PutRequest: { Item: chunk } });
  }
  await batchWrite(requests);
}

/** A part's gzip bytes (its chunks in order), or undefined when it does not exist (yet, or any more). */
export async function readExportPart(id: string, part: number): Promise<Buffer | undefined> {
  const items = await queryAll<ExportChunkItem>({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: {
      ':pk': keys.report.exportJob(id).pk,
      ':p': keys.report.exportPartPrefix(part),
    },
    ConsistentRead: true,
  });
  return items.length ? Buffer.concat(items.map((it) => Buffer.from(it.data))) : undefined;
}
