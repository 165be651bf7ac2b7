import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.ts';
import { isConditionFailure } from './transaction-errors.ts';

/**
 * Creates the item unless one with its key exists. The idiom of every write keyed by a deterministic id under
 * at-least-once delivery (stream projections, schedules run twice): a replay finds the item and writes nothing.
 * Returns whether it was created.
 */
export async function putIfAbsent(item: Record<string, unknown>): Promise<boolean> {
  try {
    await documentClient().send(
      new PutCommand({ TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}
