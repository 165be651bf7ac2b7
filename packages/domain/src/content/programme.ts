/**
 * The programme's data — the catalogue (modules, paths, sites, competencies, services) and its settings (transfer,
 * ladders, questionnaire, notifications, reports, e-mail templates) — as the table holds it. The lab edits it
 * through the API; `content/` only seeds an empty table. Nothing here reads a file.
 *
 * A function installs the current revision at the start of each invocation (packages/store, `refreshProgramme`:
 * one consistent read of the revision counter, a reload only when it moved); the accessors below (`catalog()`,
 * `transferSettings()`…) then answer synchronously from it, parsing each part once per revision. Reading before
 * anything was installed is a wiring mistake and throws.
 */

/** Each part as stored (validated by its accessor, once per revision). */
export interface ProgrammeSources {
  competencies: unknown[];
  modules: unknown[];
  paths: unknown[];
  sites: unknown[];
  services: unknown[];
  transfer: unknown;
  ladders: unknown;
  evaluation: unknown;
  notifications: unknown;
  reports: unknown;
  emails: unknown[];
}
export type CatalogPart = 'competencies' | 'modules' | 'paths' | 'sites' | 'services';
/** The kinds of catalogue item the lab edits (each item's `entity`), and the part of the programme each fills. */
export type CatalogKind = 'module' | 'path' | 'site' | 'competency' | 'service';
export const PART_OF_KIND: Readonly<Record<CatalogKind, CatalogPart>> = {
  module: 'modules',
  path: 'paths',
  site: 'sites',
  competency: 'competencies',
  service: 'services',
};
export type SettingsPart = Exclude<keyof ProgrammeSources, CatalogPart>;
export const CATALOG_PARTS: readonly CatalogPart[] = [
  'competencies',
  'modules',
  'paths',
  'sites',
  'services',
];
export const SETTINGS_PARTS: readonly SettingsPart[] = [
  'transfer',
  'ladders',
  'evaluation',
  'notifications',
  'reports',
  'emails',
];

let installed: { revision: number; sources: ProgrammeSources } | undefined;

/** Installs a revision; an older one than what is installed (a slow reload finishing late) is ignored. */
export function installProgramme(revision: number, sources: ProgrammeSources): void {
  if (installed && revision < installed.revision) return;
  installed = { revision, sources };
}

/** The installed revision; undefined before the first install. */
export function programmeRevision(): number | undefined {
  return installed?.revision;
}

export function programmeSources(): ProgrammeSources {
  if (!installed)
    throw new Error('The programme data is not loaded: the handler must refresh it first (refreshProgramme)');
  return installed.sources;
}

/**
 * `parse` run once per installed revision: the accessors' cache. A failed parse is not cached, so it throws again on
 * every read of that revision (loudly, with its issues) until a valid revision is installed.
 */
export function perRevision<T>(parse: (s: ProgrammeSources) => T): () => T {
  let cache: { sources: ProgrammeSources; value: T } | undefined;
  return () => {
    const sources = programmeSources();
    if (cache?.sources !== sources) cache = { sources, value: parse(sources) };
    return cache.value;
  };
}
