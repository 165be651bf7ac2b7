import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Module, Path, Site } from '@parcours/domain/content/schemas';
import { documentClient, tableName } from './client.ts';
import { keys } from './keys.ts';

type CatalogKind = 'module' | 'path' | 'site' | 'competency' | 'service';

/** Items carry their entity type and a `data` payload that is exactly the validated content object. */
interface CatalogItem<T> {
  pk: string;
  sk: string;
  entity: CatalogKind;
  data: T;
  contentHash: string;
}

async function listKind<T>(kind: CatalogKind): Promise<T[]> {
  const out: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.catalog.partition, ':prefix': keys.catalog.prefix(kind) },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of (res.Items ?? []) as CatalogItem<T>[]) out.push(item.data);
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

async function getOne<T>(key: { pk: string; sk: string }): Promise<T | undefined> {
  const res = await documentClient().send(new GetCommand({ TableName: tableName(), Key: key }));
  return (res.Item as CatalogItem<T> | undefined)?.data;
}

export const catalogRepo = {
  listModules: () => listKind<Module>('module'),
  getModule: (id: string) => getOne<Module>(keys.catalog.module(id)),
  listPaths: () => listKind<Path>('path'),
  getPath: (id: string) => getOne<Path>(keys.catalog.path(id)),
  listSites: () => listKind<Site>('site'),
  getSite: (id: string) => getOne<Site>(keys.catalog.site(id)),
};
