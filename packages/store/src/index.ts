export { catalogRepo } from './catalog-repo.ts';
export { batchWrite, syncCatalog } from './catalog-sync.ts';
export { documentClient, tableName } from './client.ts';
export { type StoreConfig, storeConfig } from './config.ts';
export { composeKey, type ItemKey, keys, sortableNumber } from './keys.ts';
export { type IndexName, TABLE } from './table.ts';
export { getSessionItem, type SessionItem, sessionIndexKeys, toSessionView } from './session-item.ts';
