/**
 * The programme's data (catalogue + settings) as the table holds it, and the per-process copy every function reads
 * through `catalog()`, `transferSettings()`… (packages/domain/src/content/programme.ts).
 *
 * Freshness: a version check, not a TTL. Each invocation starts with `refreshProgramme()`: one strongly consistent
 * GetItem of the revision counter that every programme write bumps in its own transaction; only when it moved does
 * the function re-read the partition (one Query, ~100 KB). So a change the lab saved is what the very next request,
 * in any function, sees — no window where two functions disagree — for the price of one small read per invocation.
 */

import type { CatalogKind } from '@parcours/domain/content/programme';
import {
  CATALOG_PARTS,
  installProgramme,
  PART_OF_KIND,
  type ProgrammeSources,
  programmeRevision,
  SETTINGS_PARTS,
  type SettingsPart,
} from '@parcours/domain/content/programme';
import type { Entity } from './entities.ts';
import { get, queryPartition, StoreUnavailableError } from './gateway.ts';
import { keys } from './keys.ts';

/** A catalogue item: the validated content object under `data`, with its version and who changed it last. */
export interface CatalogItem<T = Record<string, unknown>> {
  pk: string;
  sk: string;
  entity: Extract<Entity, CatalogKind>;
  id: string;
  data: T;
  /** 1 on creation, +1 on every change (optimistic concurrency). Items seeded before versioning count as 1. */
  version?: number;
  updatedAt?: string;
  updatedBy?: string;
  /** First time a session was scheduled on it (modules, sites) or someone joined it (paths): no deletion after. */
  usedAt?: string;
}

export interface SettingsItem {
  pk: string;
  sk: string;
  entity: Extract<Entity, 'programme-settings'>;
  id: SettingsPart;
  data: unknown;
  version?: number;
  updatedAt?: string;
  updatedBy?: string;
}

interface RevisionItem {
  pk: string;
  sk: string;
  entity: Extract<Entity, 'catalog-revision'>;
  revision: number;
}

type PartitionItem = CatalogItem | SettingsItem | RevisionItem | { entity?: string };

function isKind(entity: unknown): entity is CatalogKind {
  return typeof entity === 'string' && entity in PART_OF_KIND;
}

/**
 * Reads the whole partition: the sources and the revision they are at — `knownRevision` when the caller has just read
 * the counter (strongly consistent, before this Query), else read here.
 */
export async function readProgramme(
  knownRevision?: number,
): Promise<{ revision: number; sources: ProgrammeSources }> {
  // Labelled with the counter read *before* the Query: a Query is no snapshot of a transaction, so it may see part of
  // a later edit; labelled older, that copy is reloaded by the next request, and an edit decided on it fails its
  // revision condition and is decided again.
  const revision = knownRevision ?? (await currentRevision());
  const items = await queryPartition<PartitionItem>(keys.catalog.partition);
  const sources = Object.fromEntries([
    ...CATALOG_PARTS.map((p) => [p, [] as unknown[]]),
    ...SETTINGS_PARTS.map((p) => [p, undefined]),
  ]) as unknown as ProgrammeSources;
  for (const it of items) {
    if (isKind(it.entity)) (sources[PART_OF_KIND[it.entity]] as unknown[]).push((it as CatalogItem).data);
    else if (it.entity === 'programme-settings') {
      const s = it as SettingsItem;
      (sources as unknown as Record<string, unknown>)[s.id] = s.data;
    }
  }
  const missing = SETTINGS_PARTS.filter((p) => sources[p] === undefined);
  // Not seeded yet (a first deployment's seed still running): an outage (503, retry), not a bug.
  if (missing.length)
    throw new StoreUnavailableError(
      `The programme's settings are missing from the table (${missing.join(', ')}): the seed has not run yet`,
    );
  return { revision, sources };
}

/** The revision the table is at (0 before the first seed). */
export async function currentRevision(): Promise<number> {
  const r = await get<RevisionItem>({ Key: keys.catalog.revision, ConsistentRead: true });
  return r?.revision ?? 0;
}

let reloading: Promise<void> | undefined;

/**
 * Installs the table's current programme unless this process already holds that revision. Concurrent callers (the
 * local adapter serves many requests in one process) share one reload.
 */
export async function refreshProgramme(): Promise<void> {
  const revision = await currentRevision();
  // The partition is read after the counter (strongly consistent) and labelled with it: see readProgramme.
  if ((programmeRevision() ?? -1) >= revision) return;
  reloading ??= readProgramme(revision)
    .then((p) => installProgramme(p.revision, p.sources))
    .finally(() => {
      reloading = undefined;
    });
  await reloading;
  // A reload that started before `revision` was committed (shared with another caller): one more, ours.
  if ((programmeRevision() ?? -1) < revision) {
    const p = await readProgramme(revision);
    installProgramme(p.revision, p.sources);
  }
}

/** A background entry (schedule, stream) that reads the programme: refreshed before each event. */
export function withProgramme<E, C, R>(handler: (event: E, context: C) => Promise<R>) {
  return async (event: E, context: C): Promise<R> => {
    await refreshProgramme();
    return handler(event, context);
  };
}
