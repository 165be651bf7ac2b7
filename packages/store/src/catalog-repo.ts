import type { Module, Path, Site } from '@parcours/domain/content/schemas';
import type { Entity } from './entities.ts';
import { get, queryAll } from './gateway.ts';
import { type ItemKey, keys } from './keys.ts';

export type CatalogKind = Extract<Entity, 'module' | 'path' | 'site' | 'competency' | 'service'>;

/** Items carry their entity type and a `data` payload that is exactly the validated content object. */
interface CatalogItem<T> {
  pk: string;
  sk: string;
  entity: CatalogKind;
  data: T;
  contentHash: string;
}

async function listKind<T>(kind: CatalogKind): Promise<T[]> {
  const items = await queryAll<CatalogItem<T>>({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.catalog.partition, ':prefix': keys.catalog.prefix(kind) },
  });
  return items.map((i) => i.data);
}

async function getOne<T>(key: ItemKey): Promise<T | undefined> {
  return (await get<CatalogItem<T>>({ Key: key }))?.data;
}

export const catalogRepo = {
  listModules: () => listKind<Module>('module'),
  getModule: (id: string) => getOne<Module>(keys.catalog.module(id)),
  listPaths: () => listKind<Path>('path'),
  getPath: (id: string) => getOne<Path>(keys.catalog.path(id)),
  listSites: () => listKind<Site>('site'),
  getSite: (id: string) => getOne<Site>(keys.catalog.site(id)),
};
