/**
 * What the lab may do to the catalogue, decided on the current revision (pure). Problems are addressed to the form
 * field they concern (`{ path: 'electiveModuleIds', message }`, the shape of `validation-failed` issues), so the
 * cockpit shows each next to its field.
 */
import { conflict, invalid } from '../errors.ts';
import { identifierKey } from '../people/service-mapping.ts';
import { type CatalogKind, PART_OF_KIND } from './programme.ts';
import type { Catalog, Competency, Module, Path, Service, Site } from './schemas.ts';
import { catalogSchema } from './schemas.ts';

export type CatalogEntity = Module | Path | Site | Competency | Service;

export interface FieldIssue {
  path: string;
  message: string;
}

function moduleIssues(c: Catalog, m: Module): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (m.theoryMinutes + m.practiceMinutes !== m.durationMinutes)
    out.push({ path: 'practiceMinutes', message: 'theory + practice must equal the duration' });
  const competencies = new Set(c.competencies.map((x) => x.id));
  for (const g of m.competencies)
    if (!competencies.has(g.competencyId))
      out.push({ path: 'competencies', message: `unknown competency '${g.competencyId}'` });
  const modules = new Set(c.modules.map((x) => x.id));
  for (const p of m.prerequisites) {
    if (p === m.id) out.push({ path: 'prerequisites', message: 'a module cannot be its own prerequisite' });
    else if (!modules.has(p)) out.push({ path: 'prerequisites', message: `unknown module '${p}'` });
  }
  return out;
}

function pathIssues(c: Catalog, p: Path): FieldIssue[] {
  const out: FieldIssue[] = [];
  const byId = new Map(c.modules.map((m) => [m.id, m]));
  const ref = (field: string, id: string) => {
    const m = byId.get(id);
    if (!m) out.push({ path: field, message: `unknown module '${id}'` });
    else if (m.archived && !p.archived) out.push({ path: field, message: `module '${id}' is archived` });
  };
  ref('entryModuleId', p.entryModuleId);
  for (const id of p.electiveModuleIds) ref('electiveModuleIds', id);
  if (p.coachModuleId) ref('coachModuleId', p.coachModuleId);
  if (p.electiveModuleIds.includes(p.entryModuleId))
    out.push({ path: 'electiveModuleIds', message: 'the entry module cannot also be an elective' });
  if (p.electivesRequired > p.electiveModuleIds.length)
    out.push({ path: 'electivesRequired', message: 'more than the number of electives' });
  return out;
}

function siteIssues(s: Site): FieldIssue[] {
  const ids = s.rooms.map((r) => r.id);
  return new Set(ids).size === ids.length ? [] : [{ path: 'rooms', message: 'two rooms have the same id' }];
}

/** An identifier names one service: two live services claiming the same establishment (and unit) would be a coin toss. */
function serviceIssues(c: Catalog, s: Service): FieldIssue[] {
  if (s.archived) return [];
  const own = s.identifiers.map(identifierKey);
  if (new Set(own).size !== own.length)
    return [{ path: 'identifiers', message: 'the same SIRET and unit are listed twice' }];
  const taken = c.services.filter((o) => o.id !== s.id && !o.archived);
  for (const other of taken) {
    const clash = other.identifiers.map(identifierKey).find((k) => own.includes(k));
    if (clash)
      return [
        { path: 'identifiers', message: `SIRET ${clash.split('|')[0]} already names service '${other.id}'` },
      ];
  }
  return [];
}

/** The catalogue with `item` put in place of its namesake (or added). */
export function withItem(c: Catalog, kind: CatalogKind, item: CatalogEntity): Catalog {
  const part = PART_OF_KIND[kind];
  const list = c[part] as CatalogEntity[];
  const next = list.some((x) => x.id === item.id)
    ? list.map((x) => (x.id === item.id ? item : x))
    : [...list, item];
  return { ...c, [part]: next };
}

/**
 * Throws 400 `catalog-invalid` when `item` cannot stand in the catalogue: its own references first (by field), then
 * the whole catalogue's rules as a safety net (form-level issues).
 */
export function checkCatalogItem(c: Catalog, kind: CatalogKind, item: CatalogEntity): void {
  const own =
    kind === 'module'
      ? moduleIssues(c, item as Module)
      : kind === 'path'
        ? pathIssues(c, item as Path)
        : kind === 'site'
          ? siteIssues(item as Site)
          : kind === 'service'
            ? serviceIssues(c, item as Service)
            : [];
  if (own.length) throw invalid('catalog-invalid', 'This change would break the catalogue', own);
  const whole = catalogSchema.safeParse(withItem(c, kind, item));
  if (!whole.success)
    throw invalid(
      'catalog-invalid',
      'This change would break the catalogue',
      whole.error.issues.map((i) => ({ path: '', message: i.message })),
    );
}

/** Archiving a module that a live path still offers would leave learners a path they cannot complete. */
export function checkArchive(c: Catalog, kind: CatalogKind, id: string): void {
  if (kind !== 'module') return;
  // A live module that requires this one could no longer be completed.
  const moduleIds = c.modules.filter((m) => !m.archived && m.prerequisites.includes(id)).map((m) => m.id);
  if (moduleIds.length)
    throw conflict(
      'module-is-prerequisite',
      `Modules ${moduleIds.join(', ')} require this module: change their prerequisites first`,
      { moduleIds },
    );
  const pathIds = c.paths
    .filter((p) => !p.archived)
    .filter((p) => p.entryModuleId === id || p.electiveModuleIds.includes(id) || p.coachModuleId === id)
    .map((p) => p.id);
  if (pathIds.length)
    throw conflict('module-in-path', `Paths ${pathIds.join(', ')} still offer this module: remove it first`, {
      pathIds,
    });
}

/** What refers to an item in the catalogue itself (usage by sessions and members is the store's `usedAt`). */
export function catalogReferences(c: Catalog, kind: CatalogKind, id: string): string[] {
  if (kind === 'module')
    return [
      ...c.paths
        .filter((p) => p.entryModuleId === id || p.electiveModuleIds.includes(id) || p.coachModuleId === id)
        .map((p) => `path '${p.id}'`),
      ...c.modules.filter((m) => m.prerequisites.includes(id)).map((m) => `module '${m.id}'`),
    ];
  if (kind === 'competency')
    return c.modules
      .filter((m) => m.competencies.some((g) => g.competencyId === id))
      .map((m) => `module '${m.id}'`);
  return [];
}
