import { logger } from '@parcours/http';
import { isEntity } from '@parcours/store/entities';
import { withProgramme } from '@parcours/store/programme-repo';
import { itemFromImage } from '@parcours/store/stream-image';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { projections } from './index.ts';
import type { ChangeRecord } from './projection.ts';

/** The record with its images in document form; undefined for what no projection reads (no known entity). */
function toChange(r: DynamoDBStreamEvent['Records'][number]): ChangeRecord | undefined {
  const d = r.dynamodb;
  if (!d?.SequenceNumber || !r.eventName) return undefined;
  const newImage = itemFromImage(d.NewImage);
  const oldImage = itemFromImage(d.OldImage);
  const entity = newImage?.['entity'] ?? oldImage?.['entity'];
  if (!isEntity(entity)) return undefined;
  return {
    eventName: r.eventName,
    entity,
    sequenceNumber: d.SequenceNumber,
    ...(newImage ? { newImage } : {}),
    ...(oldImage ? { oldImage } : {}),
  };
}

/**
 * Consumes the table's stream (NEW_AND_OLD_IMAGES) and feeds each projection. Records are processed in order; at the
 * first failure the rest of the batch is reported as failed (ReportBatchItemFailures), so the event source mapping
 * retries from there and order per item is kept.
 */
export const handler = withProgramme(async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  for (const r of event.Records) {
    const change = toChange(r);
    if (!change) continue;
    try {
      for (const p of projections) {
        if (p.entities.includes(change.entity)) await p.apply(change);
      }
    } catch (e) {
      logger.error('projection failed', {
        sequenceNumber: change.sequenceNumber,
        entity: change.entity,
        error: (e as Error).message,
      });
      return { batchItemFailures: [{ itemIdentifier: change.sequenceNumber }] };
    }
  }
  return { batchItemFailures: [] };
});
