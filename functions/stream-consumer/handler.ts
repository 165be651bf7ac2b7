import { logger } from '@parcours/http';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';

/**
 * Consumes the table's stream (NEW_AND_OLD_IMAGES). Projections (reports, KPIs) register here; a failed record is
 * reported back as a partial batch failure so only it is retried.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  logger.debug('stream batch', { records: event.Records.length });
  return { batchItemFailures: [] };
};
