import { catalog } from '@parcours/domain/content/catalog';
import { syncCatalog } from '@parcours/store';

/** Loads the validated content into the table (idempotent: unchanged items are not rewritten). */
export async function seedContent(): Promise<{ written: number; deleted: number; unchanged: number }> {
  return syncCatalog(catalog());
}
