import { BatchWriteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.ts';
import { keys } from './keys.ts';
import { queryAll } from './query-all.ts';

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

/** Chunks of a part: well under 400 KB with the key and attribute overhead. */
export const EXPORT_CHUNK_BYTES = 350_000;

export async function createExportJob(job: ExportJobItem): Promise<void> {
  await documentClient().send(
    new PutCommand({ TableName: tableName(), Item: job, ConditionExpression: 'attribute_not_exists(pk)' }),
  );
}

export async function getExportJob(id: string): Promise<ExportJobItem | undefined> {
  const r = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: keys.report.exportJob(id), ConsistentRead: true }),
  );
  return r.Item as ExportJobItem | undefined;
}

/** Saves the job's progress, conditional on the version read (two `continue` calls cannot both write part N). */
export async function saveExportJob(job: ExportJobItem, readVersion: number): Promise<void> {
  await documentClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: job,
      ConditionExpression: 'v = :v',
      ExpressionAttributeValues: { ':v': readVersion },
    }),
  );
}

/** Writes a part's gzip bytes as chunk items (BatchWriteItem, retried until processed). */
export async function writeExportPart(
  id: string,
  part: number,
  gz: Buffer,
  expiresAt: number,
): Promise<void> {
  const items: Record<string, unknown>[] = [];
  for (let off = 0, n = 0; off < gz.length || n === 0; off += EXPORT_CHUNK_BYTES, n++) {
    items.push({
      ...keys.report.exportChunk(id, part, n),
      entity: 'report-export-chunk',
      data: gz.subarray(off, off + EXPORT_CHUNK_BYTES),
      expiresAt,
    });
  }
  for (let i = 0; i < items.length; i += 25) {
    let pending: Record<string, unknown>[] | undefined = items
      .slice(i, i + 25)
      .map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt > 8) throw new Error('export part: unprocessed items remain after retries');
      if (attempt) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
      const r = await documentClient().send(
        new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }),
      );
      pending = r.UnprocessedItems?.[tableName()] as Record<string, unknown>[] | undefined;
    }
  }
}

/** A part's gzip bytes (its chunks in order), or undefined when it does not exist (yet, or any more). */
export async function readExportPart(id: string, part: number): Promise<Buffer | undefined> {
  const items = await queryAll<{ data: Uint8Array }>({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: {
      ':pk': keys.report.exportJob(id).pk,
      ':p': keys.report.exportPartPrefix(part),
    },
    ConsistentRead: true,
  });
  return items.length ? Buffer.concat(items.map((it) => Buffer.from(it.data))) : undefined;
}
