import { queryAll } from './gateway.ts';
import { keys } from './keys.ts';
import { TABLE } from './table.ts';

/**
 * Reads of the records the HR reports derive from, for their Query-based rebuild (functions/lib/reports/rebuild.ts,
 * `--months`): the sessions of a month, by the month index. Each session's enrolments are `listSessionEnrolments`.
 */
export async function sessionIdsOfMonth(month: string): Promise<string[]> {
  const idx = TABLE.indexes.gsi3;
  const items = await queryAll<{ id: string }>({
    IndexName: idx.name,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': idx.partitionKey },
    ExpressionAttributeValues: { ':pk': keys.session.monthIndexPk(month) },
  });
  return items.map((s) => String(s.id));
}
