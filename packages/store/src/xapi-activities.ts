import { BatchGetCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.ts';
import { keys } from './keys.ts';
import { valueHash } from './xapi-hash.ts';

/**
 * The LRS's canonical Activity definitions (Activities resource, Communication 2.5; format=canonical). Kept as JSON
 * text, since a definition holds arbitrary extension values. Written by the stream projection only.
 */
export interface ActivityItem {
  pk: string;
  sk: 'activity';
  entity: 'xapi-activity';
  activityId: string;
  definition: string;
  updated: string;
}

export async function getActivityDefinition(activityId: string): Promise<string | undefined> {
  const r = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: keys.xapi.activity(valueHash(activityId)) }),
  );
  return (r.Item as ActivityItem | undefined)?.definition;
}

/** Definitions of many Activities (BatchGetItem, 100 keys per call). */
export async function getActivityDefinitions(activityIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(activityIds)];
  for (let i = 0; i < unique.length; i += 100) {
    let pending: Record<string, unknown>[] | undefined = unique
      .slice(i, i + 100)
      .map((id): Record<string, unknown> => ({ ...keys.xapi.activity(valueHash(id)) }));
    for (let attempt = 0; pending && pending.length > 0 && attempt < 8; attempt++) {
      const res = await documentClient().send(
        new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending } } }),
      );
      for (const item of (res.Responses?.[tableName()] ?? []) as ActivityItem[])
        out.set(item.activityId, item.definition);
      pending = res.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return out;
}

export async function putActivityDefinition(
  activityId: string,
  definition: string,
  updated: string,
): Promise<void> {
  const item: ActivityItem = {
    ...keys.xapi.activity(valueHash(activityId)),
    sk: 'activity',
    entity: 'xapi-activity',
    activityId,
    definition,
    updated,
  };
  await documentClient().send(new PutCommand({ TableName: tableName(), Item: item }));
}
