import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { storeConfig } from './config.ts';

let doc: DynamoDBDocumentClient | undefined;

/** One document client per process (Lambda container or local stack), created lazily after config parsing. */
export function documentClient(): DynamoDBDocumentClient {
  if (!doc) {
    const cfg = storeConfig();
    const raw = new DynamoDBClient({
      region: cfg.AWS_REGION,
      ...(cfg.DYNAMODB_ENDPOINT ? { endpoint: cfg.DYNAMODB_ENDPOINT } : {}),
      maxAttempts: 4,
    });
    doc = DynamoDBDocumentClient.from(raw, {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
      unmarshallOptions: { wrapNumbers: false },
    });
  }
  return doc;
}

export function tableName(): string {
  return storeConfig().TABLE_NAME;
}
