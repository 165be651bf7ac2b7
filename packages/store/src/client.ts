import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { storeConfig } from './config.ts';
import { clearReadCaches, writtenPartitions } from './read-cache.ts';

let doc: DynamoDBDocumentClient | undefined;

/** The writes this code sends (lib-dynamodb commands; the store sends no raw item commands). */
const WRITE_COMMANDS = new Set([
  'PutCommand',
  'UpdateCommand',
  'DeleteCommand',
  'TransactWriteCommand',
  'BatchWriteCommand',
]);

/** One document client per process (Lambda container or local stack), created lazily after config parsing. */
export function documentClient(): DynamoDBDocumentClient {
  if (!doc) {
    const cfg = storeConfig();
    const raw = new DynamoDBClient({
      region: cfg.AWS_REGION,
      ...(cfg.DYNAMODB_ENDPOINT ? { endpoint: cfg.DYNAMODB_ENDPOINT } : {}),
      // One retry policy, the store's (retry-policy.ts): the SDK sends each request once.
      maxAttempts: 1,
      ...(cfg.DYNAMODB_MAX_SOCKETS
        ? { requestHandler: { httpAgent: { maxSockets: cfg.DYNAMODB_MAX_SOCKETS, keepAlive: true } } }
        : {}),
    });
    doc = DynamoDBDocumentClient.from(raw, {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
      unmarshallOptions: { wrapNumbers: false },
    });
    // A write through this client empties the read micro-caches that depend on what it writes (read-cache.ts),
    // before it is sent: nothing this process changes is served stale afterwards.
    doc.middlewareStack.add(
      (next, context) => async (args) => {
        if (WRITE_COMMANDS.has(String(context.commandName))) clearReadCaches(writtenPartitions(args.input));
        return next(args);
      },
      { step: 'initialize', name: 'clearReadCachesOnWrite' },
    );
  }
  return doc;
}

export function tableName(): string {
  return storeConfig().TABLE_NAME;
}
