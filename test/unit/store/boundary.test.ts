import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Lints a probe file placed at `path` (relative to the repo) with the project's Biome config; returns the findings. */
function lintProbe(path: string): string {
  const file = join(ROOT, path);
  writeFileSync(
    file,
    "import { GetCommand } from '@aws-sdk/lib-dynamodb';\n\nexport const probe = GetCommand;\n",
  );
  try {
    return execFileSync(
      join(ROOT, 'node_modules/.bin/biome'),
      ['lint', '--only=style/noRestrictedImports', '--max-diagnostics=5', path],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return `${err.stdout ?? ''}${err.stderr ?? ''}`;
  } finally {
    rmSync(file, { force: true });
  }
}

describe('the storage boundary (biome.json)', () => {
  it('refuses the DynamoDB SDK in a handler, a function library or a package outside the gateway', () => {
    for (const path of [
      `functions/catalog/handlers/boundary-probe-${process.pid}.ts`,
      `packages/store/src/boundary-probe-${process.pid}.ts`,
      `packages/domain/src/boundary-probe-${process.pid}.ts`,
    ]) {
      expect(lintProbe(path), path).toContain('noRestrictedImports');
    }
  });

  it('lets test set-up use it', () => {
    expect(lintProbe(`test/unit/store/boundary-probe-${process.pid}.ts`)).not.toContain(
      'noRestrictedImports',
    );
  });
});
