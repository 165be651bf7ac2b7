import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.ts';

/**
 * OFFLINE ADMINISTRATION ONLY: a parallel Scan of the whole table, for the reports' full rebuild command
 * (functions/lib/reports/rebuild-cli.ts `--full`). It reads every item of the table: never call it from a request
 * path, a projection or a schedule. Everything the application does is a Query or a Get.
 */
export async function scanEntitiesForRebuild(
  entities: readonly string[],
  segments: number,
  onItems: (items: Record<string, unknown>[]) => Promise<void> | void,
): Promise<number> {
  const values: Record<string, string> = {};
  entities.forEach((e, i) => {
    values[`:e${i}`] = e;
  });
  let count = 0;
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let start: Record<string, unknown> | undefined;
      do {
        const r = await documentClient().send(
          new ScanCommand({
            TableName: tableName(),
            Segment: segment,
            TotalSegments: segments,
            FilterExpression: `#entity IN (${Object.keys(values).join(', ')})`,
            ExpressionAttributeNames: { '#entity': 'entity' },
            ExpressionAttributeValues: values,
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        const items = (r.Items ?? []) as Record<string, unknown>[];
        count += items.length;
        if (items.length) await onItems(items);
        start = r.LastEvaluatedKey;
      } while (start);
    }),
  );
  return count;
}
