/**
 * Every change of a catalogue item, kept as its own item (`catalog-history#<kind>#id#<id>` / `version#…`): who, when,
 * which fields went from what to what. Written in the same transaction as the change, so the history cannot miss one.
 * Catalogue content is not personal data; `by` is the lab member's id, like the audit log's actor.
 */
import { canonicalJson } from '@parcours/domain/canonical-json';
import type { CatalogKind } from '@parcours/domain/content/programme';
import type { Entity } from './entities.ts';
import { queryAll } from './gateway.ts';
import { keys } from './keys.ts';

export type CatalogAction = 'created' | 'updated' | 'archived' | 'restored' | 'deleted';

export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

export interface CatalogChange {
  version: number;
  at: string;
  by: string;
  action: CatalogAction;
  changes: FieldChange[];
}

interface CatalogChangeItem extends CatalogChange {
  pk: string;
  sk: string;
  entity: Extract<Entity, 'catalog-change'>;
  kind: CatalogKind;
  id: string;
}

/** Top-level fields whose value differs. */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((f) => canonicalJson(before[f]) !== canonicalJson(after[f]))
    .map((f) => ({
      field: f,
      ...(before[f] !== undefined ? { before: before[f] } : {}),
      ...(after[f] !== undefined ? { after: after[f] } : {}),
    }));
}

export function historyEntryItem(kind: CatalogKind, id: string, change: CatalogChange): CatalogChangeItem {
  return {
    ...keys.catalog.historyEntry(kind, id, change.version),
    entity: 'catalog-change',
    kind,
    id,
    ...change,
  };
}

/** An item's history, newest first. */
export async function catalogHistory(kind: CatalogKind, id: string): Promise<CatalogChange[]> {
  const items = await queryAll<CatalogChangeItem>({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.catalog.historyPartition(kind, id) },
    ScanIndexForward: false,
    ConsistentRead: true,
  });
  return items.map(({ version, at, by, action, changes }) => ({ version, at, by, action, changes }));
}
