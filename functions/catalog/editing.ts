/**
 * The lab's catalogue edits: decided on the programme's current revision (catalog-rules.ts), committed with the
 * revision they were decided on (catalog-writes.ts). When another edit committed in between, the change is decided
 * again on the new revision — a handful of tries, then 409 `catalog-busy`.
 */
import { nowIso } from '@parcours/domain/clock';
import { catalog } from '@parcours/domain/content/catalog';
import {
  type CatalogEntity,
  catalogReferences,
  checkArchive,
  checkCatalogItem,
} from '@parcours/domain/content/catalog-rules';
import { type CatalogKind, PART_OF_KIND, programmeRevision } from '@parcours/domain/content/programme';
import { reportSettings, reportSettingsIssues } from '@parcours/domain/content/report-settings';
import type { Catalog } from '@parcours/domain/content/schemas';
import { checkTransferContent, ladders, transferSettings } from '@parcours/domain/content/transfer-content';
import { conflict, invalid, notFound } from '@parcours/domain/errors';
import {
  assertVersion,
  createCatalogItem,
  deleteCatalogItem,
  getCatalogItem,
  hasSessions,
  inUse,
  replaceCatalogItem,
  roomHasSessionsAfter,
  versionOf,
  type WriteContext,
} from '@parcours/store/catalog-writes';
import { type CatalogItem, refreshProgramme } from '@parcours/store/programme-repo';

type Data = Record<string, unknown> & { id: string };
const ATTEMPTS = 5;

/** The item as the API shows it: its content and its version. */
export function toView(item: CatalogItem<Data>) {
  return {
    ...item.data,
    version: versionOf(item),
    ...(item.updatedAt ? { updatedAt: item.updatedAt } : {}),
    ...(item.updatedBy ? { updatedBy: item.updatedBy } : {}),
  };
}

async function decided<R>(
  attempt: (ctx: WriteContext) => Promise<R | 'revision-moved'>,
  by: string,
): Promise<R> {
  for (let n = 0; n < ATTEMPTS; n++) {
    if (n > 0) await refreshProgramme();
    const r = await attempt({ by, now: nowIso(), revision: programmeRevision() ?? 0 });
    if (r !== 'revision-moved') return r;
  }
  throw conflict('catalog-busy', 'The catalogue is being changed by someone else; retry in a moment');
}

async function mustGet(kind: CatalogKind, id: string): Promise<CatalogItem<Data>> {
  const item = await getCatalogItem(kind, id);
  if (!item) throw notFound(kind, id);
  return item;
}

export function createItem(kind: CatalogKind, body: Data, by: string) {
  return decided(async (ctx) => {
    const data = { ...body, archived: false } as Data;
    checkCatalogItem(catalog(), kind, data as unknown as CatalogEntity);
    const r = await createCatalogItem(kind, data, ctx);
    return r.ok ? toView(r.item) : r.reason;
  }, by);
}

export function updateItem(kind: CatalogKind, id: string, body: Data & { version: number }, by: string) {
  const { version, ...content } = body;
  if (content.id !== id)
    throw invalid('id-immutable', 'The id of a catalogue item never changes', [
      { path: 'id', message: 'must be the id in the address' },
    ]);
  return decided(async (ctx) => {
    const current = await mustGet(kind, id);
    // Stale first: whoever saved in between decides what the form should show, not this edit's own problems.
    assertVersion(current, version);
    const data = { ...content, archived: current.data['archived'] === true } as Data;
    checkCatalogItem(catalog(), kind, data as unknown as CatalogEntity);
    if (kind === 'site') await checkRoomsKept(current.data, data, ctx.now);
    const r = await replaceCatalogItem(kind, current, data, version, 'updated', ctx);
    return r.ok ? toView(r.item) : r.reason;
  }, by);
}

export function setArchived(kind: CatalogKind, id: string, archived: boolean, version: number, by: string) {
  return decided(async (ctx) => {
    const current = await mustGet(kind, id);
    if (current.data['archived'] === archived && versionOf(current) === version) return toView(current);
    assertVersion(current, version);
    const data = { ...current.data, archived };
    if (archived) checkArchive(catalog(), kind, id);
    // Restoring a path whose modules were archived since would break it: the same checks as an edit.
    else checkCatalogItem(catalog(), kind, data as unknown as CatalogEntity);
    const r = await replaceCatalogItem(kind, current, data, version, archived ? 'archived' : 'restored', ctx);
    return r.ok ? toView(r.item) : r.reason;
  }, by);
}

/** A room removed from a site must have no session to come (its bookings say so). */
async function checkRoomsKept(before: Data, after: Data, now: string): Promise<void> {
  const ids = (d: Data) => new Set(((d['rooms'] as { id: string }[] | undefined) ?? []).map((r) => r.id));
  const kept = ids(after);
  for (const roomId of ids(before)) {
    if (!kept.has(roomId) && (await roomHasSessionsAfter(before.id, roomId, now)))
      throw conflict('room-in-use', `Room '${roomId}' still has sessions to come: move them first`, {
        field: 'rooms',
        roomId,
      });
  }
}

/** What in the programme's settings still names this item (they would no longer validate without it). */
function settingsReferences(without: Catalog): string[] {
  const moduleIds = new Set(without.modules.map((m) => m.id));
  return [
    ...checkTransferContent(transferSettings(), ladders(), moduleIds),
    ...reportSettingsIssues(reportSettings(), without),
  ];
}

export function deleteItem(kind: CatalogKind, id: string, version: number, by: string) {
  return decided(async (ctx) => {
    const current = await mustGet(kind, id);
    assertVersion(current, version);
    const c = catalog();
    const refs = catalogReferences(c, kind, id);
    if (refs.length) throw inUse(kind, id, `referenced by ${refs.join(', ')}`);
    const part = PART_OF_KIND[kind];
    const without = { ...c, [part]: (c[part] as CatalogEntity[]).filter((x) => x.id !== id) } as Catalog;
    const settings = settingsReferences(without);
    if (settings.length) throw inUse(kind, id, `named in the programme settings: ${settings.join('; ')}`);
    if (await hasSessions(kind, id)) throw inUse(kind, id, 'sessions were scheduled on it');
    const r = await deleteCatalogItem(kind, current, version, ctx);
    return r.ok ? undefined : r.reason;
  }, by);
}
