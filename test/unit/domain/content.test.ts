import { describe, expect, it } from 'vitest';
import { seedSources } from '../../../functions/seed/sources.ts';
import { catalog } from '../../../packages/domain/src/content/catalog.ts';
import { emailTemplates } from '../../../packages/domain/src/content/email-templates.ts';
import { catalogSchema } from '../../../packages/domain/src/content/schemas.ts';

/** The catalogue parts of the seed, a fresh copy to break. */
function catalogSources() {
  const { competencies, modules, paths, sites, services } = seedSources;
  return structuredClone({ competencies, modules, paths, sites, services });
}

describe('content/ is valid data', () => {
  it('the catalogue parts of the seed validate as they are (the controls below break one thing each)', () => {
    expect(catalogSchema.safeParse(catalogSources()).success).toBe(true);
  });

  it('every file validates against its schema, with cross-references resolved', () => {
    expect(() => catalog()).not.toThrow();
  });

  it('the entry module is the 90-minute collective-intelligence module, mandatory in every path', () => {
    const c = catalog();
    const entry = c.modules.find((m) => m.id === 'intelligence-collective');
    expect(entry?.durationMinutes).toBe(90);
    expect(entry!.practiceMinutes).toBeGreaterThan(entry!.theoryMinutes);
    for (const p of c.paths) expect(p.entryModuleId).toBe('intelligence-collective');
  });

  it('rejects a module granting an unknown competency', () => {
    const broken = catalogSources() as { modules: { competencies: { competencyId: string }[] }[] };
    broken.modules[0]!.competencies[0]!.competencyId = 'does-not-exist';
    const r = catalogSchema.safeParse(broken);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('unknown competency');
  });

  it('rejects non-kebab ids (they end up in keys)', () => {
    const broken = catalogSources() as { sites: { id: string }[] };
    broken.sites[0]!.id = 'Paris Bercy';
    expect(catalogSchema.safeParse(broken).success).toBe(false);
  });

  it('rejects unknown properties (typos must not pass silently)', () => {
    const broken = catalogSources() as { paths: Record<string, unknown>[] };
    broken.paths[0]!['electivesRequierd'] = 2;
    expect(catalogSchema.safeParse(broken).success).toBe(false);
  });

  it('every e-mail template exists in French and English', () => {
    for (const t of emailTemplates()) {
      expect(t.fr.subject.length).toBeGreaterThan(0);
      expect(t.en.subject.length).toBeGreaterThan(0);
    }
  });
});
