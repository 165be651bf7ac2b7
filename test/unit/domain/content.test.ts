import { describe, expect, it } from 'vitest';
import { catalog, rawContent } from '../../../packages/domain/src/content/catalog.ts';
import { emailTemplates } from '../../../packages/domain/src/content/email-templates.ts';
import { catalogSchema } from '../../../packages/domain/src/content/schemas.ts';

describe('content/ is valid data', () => {
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
    const broken = structuredClone(rawContent) as { modules: { competencies: { competencyId: string }[] }[] };
    broken.modules[0]!.competencies[0]!.competencyId = 'does-not-exist';
    const r = catalogSchema.safeParse(broken);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('unknown competency');
  });

  it('rejects non-kebab ids (they end up in keys)', () => {
    const broken = structuredClone(rawContent) as { sites: { id: string }[] };
    broken.sites[0]!.id = 'Paris Bercy';
    expect(catalogSchema.safeParse(broken).success).toBe(false);
  });

  it('rejects unknown properties (typos must not pass silently)', () => {
    const broken = structuredClone(rawContent) as { paths: Record<string, unknown>[] };
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
