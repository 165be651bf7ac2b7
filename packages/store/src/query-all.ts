import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.ts';

type Item = Record<string, unknown>;

/** Runs a Query to the end, following LastEvaluatedKey: for partitions known to be small (one learner, one session). */
export async function queryAll<T = Item>(
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<T[]> {
  const out: T[] = [];
  let start: Item | undefined;
  do {
    const r = await documentClient().send(
      new QueryCommand({ TableName: tableName(), ...input, ExclusiveStartKey: start }),
    );
    out.push(...((r.Items ?? []) as T[]));
    start = r.LastEvaluatedKey;
  } while (start);
  return out;
}

/** Every item of one partition, strongly consistent. */
export function queryPartitionItems<T = Item>(pk: string, projection?: string): Promise<T[]> {
  return queryAll<T>({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': pk },
    ConsistentRead: true,
    ...(projection ? { ProjectionExpression: projection } : {}),
  });
}
