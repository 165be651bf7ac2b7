import { describe, expect, it } from 'vitest';
import { seedSources } from '../../../functions/seed/sources.ts';
import { catalog } from '../../../packages/domain/src/content/catalog.ts';
import { installProgramme, programmeRevision } from '../../../packages/domain/src/content/programme.ts';

describe('the installed programme', () => {
  it('is parsed once per revision, and a late reload of an older revision never replaces a newer one', () => {
    const renamed = structuredClone(seedSources);
    (renamed.modules[0] as { title: { fr: string } }).title.fr = 'Titre de la révision 7';
    installProgramme(7, renamed);
    const first = catalog();
    expect(first.modules[0]!.title.fr).toBe('Titre de la révision 7');
    expect(catalog()).toBe(first); // same revision: the parsed copy is reused

    installProgramme(6, structuredClone(seedSources)); // a slow reload finishing late
    expect(programmeRevision()).toBe(7);
    expect(catalog().modules[0]!.title.fr).toBe('Titre de la révision 7');

    installProgramme(8, structuredClone(seedSources));
    expect(catalog().modules[0]!.title.fr).not.toBe('Titre de la révision 7');
  });
});
