/**
 * `npm run build`: bundles every function of the route table to dist/functions/<name>/index.mjs with the options
 * the CDK assets use (bundling-options.ts), and prints their sizes.
 */
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { functions } from '../functions/routes.ts';
import { entryPath, esbuildOptions, REPO_ROOT } from './bundling-options.ts';

export const DIST = join(REPO_ROOT, 'dist', 'functions');

export interface BuiltFunction {
  readonly name: string;
  readonly file: string;
  readonly bytes: number;
  readonly mapBytes: number;
  readonly buildMs: number;
  readonly metafile: Metafile;
}

export async function buildFunctions(names: readonly string[] = functions.map((f) => f.name)) {
  await rm(DIST, { recursive: true, force: true });
  // Sequential: esbuild is itself parallel, and per-function timings stay meaningful.
  const built: BuiltFunction[] = [];
  for (const name of names) {
    const outdir = join(DIST, name);
    const start = performance.now();
    const { metafile } = await build({ ...esbuildOptions(entryPath(name), outdir), metafile: true });
    const buildMs = performance.now() - start;
    const file = join(outdir, 'index.mjs');
    const [js, map] = await Promise.all([stat(file), stat(`${file}.map`)]);
    built.push({ name, file, bytes: js.size, mapBytes: map.size, buildMs, metafile });
  }
  return built;
}

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const built = await buildFunctions();
  console.table(
    built.map((b) => ({
      function: b.name,
      'index.mjs KB': kb(b.bytes),
      'map KB': kb(b.mapBytes),
      'build ms': Math.round(b.buildMs),
    })),
  );
  console.log(`${built.length} functions in ${DIST}`);
}
