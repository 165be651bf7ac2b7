import { batchGet, get, put } from './gateway.ts';
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
  const item = await get<ActivityItem>({ Key: keys.xapi.activity(valueHash(activityId)) });
  return item?.definition;
}

/** Definitions of many Activities (complete, or it throws: see `batchGet`); unknown ones are absent from the map. */
export async function getActivityDefinitions(activityIds: readonly string[]): Promise<Map<string, string>> {
  const items = await batchGet<ActivityItem>(
    [...new Set(activityIds)].map((id) => keys.xapi.activity(valueHash(id))),
  );
  return new Map(items.map((item) => [item.activityId, item.definition]));
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
  await put({ Item: item });
}
