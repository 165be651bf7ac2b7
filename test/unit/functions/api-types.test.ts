import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from '../../../infra/generate-api-types.ts';

describe("the web app's API types", () => {
  it('are exactly what the OpenAPI document generates (run `npm run generate:api` after changing a schema)', async () => {
    expect(readFileSync(API_TYPES_FILE, 'utf8')).toBe(await generateApiTypes());
  }, 60_000);

  it('OpenAPI references resolve inside the document (named schemas are hoisted to components)', async () => {
    const { openApiDocument } = await import('../../../functions/openapi.ts');
    const doc = openApiDocument() as { components: { schemas: Record<string, unknown> } };
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const r of new Set(refs)) {
      const target = r.slice('"$ref":"'.length, -1);
      expect(target).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas).toHaveProperty(target.slice('#/components/schemas/'.length));
    }
  });
});
