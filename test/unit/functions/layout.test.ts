/**
 * The layout is the cut (docs/architecture.md): one folder per bounded context under `functions/`, each a Lambda.
 * A context's code imports its own folder, `functions/shared/` and — only where listed below, each for a reason —
 * another context's module. No Lambda entry reaches the route table, the full schema table or the OpenAPI generator
 * (they would pull every context's schemas into every bundle).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functions } from '../../../functions/routes.ts';

const FUNCTIONS = join(import.meta.dirname, '../../../functions');

/** Cross-context imports, by importing context → the other contexts' modules it may use. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  // Erasure and export find a person's statements by the LRS's keys; erasure recomputes their HR report.
  people: ['lrs/statement-keys.ts', 'reports/recompute.ts'],
  // A reminder for a newcomer lists the sessions of their catch-up plan, as GET /me/catch-up does.
  reminders: ['sessions/catch-up.ts', 'sessions/learner-facts.ts', 'sessions/session-finder.ts'],
  // The stream consumer runs every context's projections from the one table stream.
  stream: [
    'lrs/statement-keys.ts',
    'people/role-mirror.ts',
    'reports/recompute.ts',
    'transfer/facts.ts',
    'transfer/statements.ts',
  ],
};

const NEVER_IN_A_LAMBDA = ['routes.ts', 'route-schemas.ts', 'openapi.ts'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports of a file, as paths relative to `functions/`. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:from|import)\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) =>
    relative(FUNCTIONS, normalize(join(dirname(file), m[1] ?? ''))),
  );
}

const contextOf = (path: string) => (path.includes('/') ? path.split('/')[0] : undefined);

describe('functions/ layout', () => {
  it('has one folder per function of the route table, plus shared/', () => {
    const folders = readdirSync(FUNCTIONS).filter((n) => statSync(join(FUNCTIONS, n)).isDirectory());
    expect(folders.sort()).toEqual([...functions.map((f) => f.name), 'shared'].sort());
  });

  it('imports across contexts only where listed, and shared/ imports no context', () => {
    const unexpected: string[] = [];
    for (const file of filesUnder(FUNCTIONS)) {
      const from = relative(FUNCTIONS, file);
      const ctx = contextOf(from);
      if (!ctx) continue; // routes.ts, route-schemas.ts, openapi.ts: build time, they read every context
      for (const target of importsOf(file)) {
        const tctx = contextOf(target);
        if (!tctx || target.startsWith('..')) continue;
        if (tctx === ctx || tctx === 'shared') continue;
        if (!ALLOWED[ctx]?.includes(target)) unexpected.push(`${from} → ${target}`);
      }
    }
    expect(unexpected).toEqual([]);
  });

  it('keeps the route table, every schema and the OpenAPI generator out of every Lambda', () => {
    for (const fn of functions) {
      const seen = new Set<string>();
      const queue = [join(FUNCTIONS, fn.name, 'handler.ts')];
      while (queue.length) {
        const file = queue.pop()!;
        for (const target of importsOf(file)) {
          if (seen.has(target) || target.startsWith('..')) continue;
          seen.add(target);
          queue.push(join(FUNCTIONS, target));
        }
      }
      const reached = [...seen];
      expect(
        reached.filter((p) => NEVER_IN_A_LAMBDA.includes(p)),
        fn.name,
      ).toEqual([]);
      // Only its own schemas: another context's would ride along in the bundle.
      expect(
        reached.filter((p) => p.endsWith('/schemas.ts') && contextOf(p) !== fn.name),
        fn.name,
      ).toEqual([]);
    }
  });
});

describe('content/ at run time', () => {
  it('is read by the seed function only: every other function reads the programme from the table', () => {
    const ROOT = join(import.meta.dirname, '../../..');
    const readers = [...filesUnder(FUNCTIONS), ...filesUnder(join(ROOT, 'packages'))]
      .filter((f) => !f.includes('node_modules') && !f.includes('/dist/'))
      .filter((f) => /['"]@parcours\/content\//.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(readers).toEqual(['functions/seed/sources.ts']);
  });
});
