import type { Entity } from './entities.ts';
import { type Item, scanPages } from './gateway.ts';

/**
 * OFFLINE ADMINISTRATION ONLY: a parallel Scan of the whole table, for the reports' full rebuild command
 * (functions/reports/rebuild-cli.ts `--full`). It reads every item of the table: never call it from a request
 * path, a projection or a schedule. Everything the application does is a Query or a Get.
 */
export async function scanEntitiesForRebuild(
  entities: readonly Entity[],
  segments: number,
  onItems: (items: Item[]) => Promise<void> | void,
): Promise<number> {
  const values: Record<string, Entity> = {};
  entities.forEach((e, i) => {
    values[`:e${i}`] = e;
  });
  let count = 0;
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      const pages = scanPages({
        Segment: segment,
        TotalSegments: segments,
        FilterExpression: `#entity IN (${Object.keys(values).join(', ')})`,
        ExpressionAttributeNames: { '#entity': 'entity' },
        ExpressionAttributeValues: values,
        ConsistentRead: true,
      });
      for await (const { items } of pages) {
        count += items.length;
        if (items.length) await onItems(items);
      }
    }),
  );
  return count;
}
