/**
 * Seeding an empty programme from `content/` (the deployed stack's seed function on every deploy, `npm start`, the
 * test stacks): insert-if-absent, so it never writes over what the lab changed.
 *
 * - The catalogue is seeded once: when the revision counter says it never was (`seededAt`). A module the lab deleted
 *   is not brought back by the next deploy, and a module added to `content/` later does not appear on its own — the
 *   lab owns the catalogue from the first deploy on.
 * - Each settings document is inserted when absent (a release that adds one brings it); one the seed wrote and
 *   nobody changed since is brought up to the release's version — after the whole programme (the lab's catalogue
 *   with the new settings) was checked to still hold together; otherwise it is kept, and the run says which.
 * A crash half-way leaves `seededAt` unset: the next run inserts what is missing.
 */
import { canonicalJson } from '@parcours/domain/canonical-json';
import { parseContent } from '@parcours/domain/content/parse-content';
import type { CatalogKind } from '@parcours/domain/content/programme';
import {
  CATALOG_PARTS,
  PART_OF_KIND,
  type ProgrammeSources,
  SETTINGS_PARTS,
  type SettingsPart,
} from '@parcours/domain/content/programme';
import { programmeProblems } from '@parcours/domain/content/programme-check';
import { catalogSchema } from '@parcours/domain/content/schemas';
import { historyEntryItem } from './catalog-history.ts';
import { get, isConditionFailure, putIfAbsent, transactWrite, update } from './gateway.ts';
import { keys } from './keys.ts';
import { type CatalogItem, readProgramme, type SettingsItem } from './programme-repo.ts';

const SEED_ORDER: readonly CatalogKind[] = ['competency', 'service', 'site', 'module', 'path'];

export interface SeedResult {
  catalogInserted: number;
  catalogKept: number;
  settingsInserted: number;
  /** Settings documents brought up to this release's `content/`. */
  settingsUpdated: string[];
  /** Settings of this release that would break the lab's catalogue: kept as they were (see the log). */
  settingsRejected: string[];
  /** The catalogue had been seeded before: `content/`'s catalogue was not looked at. */
  catalogAlreadySeeded: boolean;
}

export async function seedProgramme(sources: ProgrammeSources, at: string): Promise<SeedResult> {
  const by = 'seed';
  const catalog = parseContent(
    catalogSchema,
    Object.fromEntries(CATALOG_PARTS.map((p) => [p, sources[p]])),
    'seed catalogue',
  );
  const counter = await get<{ seededAt?: string }>({ Key: keys.catalog.revision, ConsistentRead: true });
  const result: SeedResult = {
    catalogInserted: 0,
    catalogKept: 0,
    settingsInserted: 0,
    settingsUpdated: [],
    settingsRejected: [],
    catalogAlreadySeeded: counter?.seededAt !== undefined,
  };
  // Settings first: a reader (the stream consumer, already running locally) needs all of them to load anything.
  for (const part of SETTINGS_PARTS) {
    const item: SettingsItem = {
      ...keys.catalog.settings(part),
      entity: 'programme-settings',
      id: part,
      data: sources[part],
      version: 1,
      updatedAt: at,
      updatedBy: by,
    };
    if (await putIfAbsent({ ...item })) result.settingsInserted++;
  }
  if (!result.catalogAlreadySeeded) {
    // Referenced before referencing: a reader loading mid-seed sees a smaller catalogue, never a broken one.
    for (const kind of SEED_ORDER) {
      for (const data of catalog[PART_OF_KIND[kind]] as { id: string }[]) {
        if (await insertItem(kind, data, by, at)) result.catalogInserted++;
        else result.catalogKept++;
      }
    }
  }
  await updateSeedSettings(sources, at, result);
  if (
    result.catalogInserted + result.settingsInserted + result.settingsUpdated.length > 0 ||
    !result.catalogAlreadySeeded
  ) {
    await update({
      Key: keys.catalog.revision,
      UpdateExpression: 'SET #entity = :entity, #seededAt = if_not_exists(#seededAt, :at) ADD #revision :one',
      ExpressionAttributeNames: { '#entity': 'entity', '#seededAt': 'seededAt', '#revision': 'revision' },
      ExpressionAttributeValues: { ':entity': 'catalog-revision', ':at': at, ':one': 1 },
    });
  }
  return result;
}

/** The item and its first history entry, both only if the item is absent. */
async function insertItem(kind: CatalogKind, data: { id: string }, by: string, at: string): Promise<boolean> {
  const item: CatalogItem = {
    ...keys.catalog.item(kind, data.id),
    entity: kind,
    id: data.id,
    data,
    version: 1,
    updatedAt: at,
    updatedBy: by,
  };
  const outcome = await transactWrite([
    {
      tag: 'item',
      op: {
        Put: {
          Item: { ...item },
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': 'pk' },
        },
      },
    },
    {
      tag: 'history',
      op: {
        Put: {
          Item: historyEntryItem(kind, data.id, { version: 1, at, by, action: 'created', changes: [] }),
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': 'pk' },
        },
      },
    },
  ]);
  if (outcome.ok) return true;
  // Present, or absent with a history: the lab deleted it (a seed interrupted before `seededAt`), not ours to revive.
  if (outcome.failures.some((f) => f.code === 'ConditionalCheckFailed')) return false;
  throw new Error(`Seeding ${kind} '${data.id}' failed: ${outcome.failures.map((f) => f.code).join(', ')}`);
}

/** Settings the seed wrote and nobody changed since, whose content differs from this release's `content/`. */
async function updateSeedSettings(sources: ProgrammeSources, at: string, result: SeedResult): Promise<void> {
  const stale: { part: SettingsPart; version: number }[] = [];
  for (const part of SETTINGS_PARTS) {
    const item = await get<SettingsItem>({ Key: keys.catalog.settings(part), ConsistentRead: true });
    if (item?.updatedBy === 'seed' && canonicalJson(item.data) !== canonicalJson(sources[part]))
      stale.push({ part, version: item.version ?? 1 });
  }
  if (stale.length === 0) return;
  const current = await readProgramme();
  const candidate = {
    ...current.sources,
    ...Object.fromEntries(stale.map((x) => [x.part, sources[x.part]])),
  };
  const problems = programmeProblems(candidate);
  if (problems.length) {
    // Kept as they were; the seed's result (the Trigger's output, the local start log) names them.
    result.settingsRejected = stale.map((x) => `${x.part}: ${problems.join('; ')}`.slice(0, 500));
    return;
  }
  for (const { part, version } of stale) {
    try {
      await update({
        Key: keys.catalog.settings(part),
        UpdateExpression: 'SET #data = :data, #version = :next, #updatedAt = :at',
        // Still the seed's, at the version read: a change by anyone else meanwhile wins.
        ConditionExpression: '#updatedBy = :seed AND (#version = :v OR attribute_not_exists(#version))',
        ExpressionAttributeNames: {
          '#data': 'data',
          '#version': 'version',
          '#updatedAt': 'updatedAt',
          '#updatedBy': 'updatedBy',
        },
        ExpressionAttributeValues: {
          ':data': sources[part],
          ':next': version + 1,
          ':at': at,
          ':seed': 'seed',
          ':v': version,
        },
      });
      result.settingsUpdated.push(part);
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
  }
}
