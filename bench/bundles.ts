/**
 * `npm run bench`: builds every function of the route table (infra/build-functions.ts, the deployed esbuild
 * options), then prints each bundle's size, what fills it, and its cold load time: a fresh `node` importing the
 * bundle, median of several runs, without and with --enable-source-maps (the deployed NODE_OPTIONS).
 * Load time is a proxy for Lambda's init phase on this machine, not a measurement of Lambda.
 *
 * Targets (issue #16), as ratios measured in this run: every bundle ≤ 350 KB; every load ≤ 1.3× the yardstick, a bare
 * document-client bundle (bench/bare-document-client.ts) built with the SDK's defaults, ESM-first. Two more rows for
 * reference: the yardstick with the environment's credentials (what the functions bundle), and `sessions` with the
 * SDK left out of the bundle and loaded from node_modules (what using the runtime's copy would cost). No function
 * but `seed` carries content/: the programme is read from the table at run time (issue #17).
 *
 *   npm run bench [-- --runs 11] [-- --only catalog,sessions]
 */
import { spawnSync } from 'node:child_process';

import { stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { type BuiltFunction, buildFunctions, DIST, kb } from '../infra/build-functions.ts';
import { entryPath, esbuildOptions, REPO_ROOT } from '../infra/bundling-options.ts';

const args = process.argv.slice(2);
const argValue = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const RUNS = Number(argValue('--runs') ?? 11);
const ONLY = argValue('--only')?.split(',');

// What a deployed function sees at init (values made up); some handlers validate it at import time.
const ENV = {
  PATH: process.env['PATH'] ?? '',
  AWS_REGION: 'eu-west-3',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  TABLE_NAME: 'bench',
  SES_FROM: 'bench@example.org',
  PUBLIC_URL: 'https://bench.example.org',
  LINK_SIGNING_SECRET: 'bench'.repeat(13),
  LOG_LEVEL: 'SILENT',
};

const LOADER =
  'const t=performance.now();await import(process.argv[1]);process.stdout.write(String(performance.now()-t));';

function loadMs(file: string, sourceMaps: boolean): number {
  const flags = sourceMaps ? ['--enable-source-maps'] : [];
  const r = spawnSync(
    process.execPath,
    [...flags, '--input-type=module', '-e', LOADER, pathToFileURL(file).href],
    { env: ENV, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`Loading ${file} failed: ${r.stderr}`);
  return Number(r.stdout);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Bundle bytes per npm package (or workspace folder), largest first. */
function largestParts(metafile: Metafile, total: number, top = 3): string {
  const byPart = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
      const part = pkg ?? relative(REPO_ROOT, path).split('/').slice(0, 2).join('/');
      byPart.set(part, (byPart.get(part) ?? 0) + bytesInOutput);
    }
  }
  return [...byPart]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([part, bytes]) => `${part} ${Math.round((100 * bytes) / total)}%`)
    .join(', ');
}

const SIZE_TARGET_KB = 350;
const LOAD_TARGET_RATIO = 1.3;

/** One reference bundle, built with the functions' options and `overrides` (e.g. no credential alias). */
async function buildReference(
  name: string,
  dir: string,
  entry: string,
  overrides: Parameters<typeof build>[0],
): Promise<BuiltFunction> {
  const outdir = join(DIST, '..', 'bench', dir);
  const start = performance.now();
  const { metafile } = await build({ ...esbuildOptions(entry, outdir), ...overrides, metafile: true });
  const file = join(outdir, 'index.mjs');
  const [js, map] = await Promise.all([stat(file), stat(`${file}.map`)]);
  return { name, file, bytes: js.size, mapBytes: map.size, buildMs: performance.now() - start, metafile };
}

const built = await buildFunctions(ONLY);
const bare = join(REPO_ROOT, 'bench', 'bare-document-client.ts');
const yardstick = await buildReference('bare doc client (SDK defaults)', 'bare-defaults', bare, {
  alias: {},
});
const references = [
  yardstick,
  await buildReference('bare doc client (env credentials)', 'bare-env', bare, {}),
  // The SDK resolved at load time from the repository's node_modules, as the runtime's copy would be.
  await buildReference('sessions, SDK from node_modules', 'sessions-external-sdk', entryPath('sessions'), {
    external: ['@aws-sdk/*', '@smithy/*'],
    alias: {},
  }),
];
// One untimed load warms the OS file cache so the first bundle measured is not penalised.
loadMs(yardstick.file, false);

const bundles = [...references, ...built];
const samples = bundles.map(() => ({ plain: [] as number[], mapped: [] as number[] }));
// Round-robin over every bundle, both columns: a burst of load on the machine hits every row alike, so the ratios
// to the yardstick stay meaningful even when the absolute figures move.
for (let i = 0; i < RUNS; i++) {
  bundles.forEach((b, j) => {
    samples[j]?.plain.push(loadMs(b.file, false));
    samples[j]?.mapped.push(loadMs(b.file, true));
  });
}
const measured = bundles.map((b, j) => ({
  b,
  load: median(samples[j]?.plain ?? []),
  loadMaps: median(samples[j]?.mapped ?? []),
}));
const base = measured[0]!;
const rows = measured.map(({ b, load, loadMaps }) => ({
  bundle: b.name,
  'index.mjs KB': kb(b.bytes),
  'map KB': kb(b.mapBytes),
  'load ms': load.toFixed(1),
  'load ms +maps': loadMaps.toFixed(1),
  '× yardstick': (load / base.load).toFixed(2),
  '× +maps': (loadMaps / base.loadMaps).toFixed(2),
  'largest parts': largestParts(b.metafile, b.bytes),
}));
console.log(`Node ${process.version}, ${RUNS} runs per figure (median); yardstick = the first row`);
console.table(rows);
const functionsOnly = measured.slice(references.length);
const worstSize = Math.max(...functionsOnly.map(({ b }) => b.bytes)) / 1024;
const worstRatio = Math.max(...functionsOnly.map(({ load }) => load / base.load));
console.log(
  `${functionsOnly.length} functions · largest bundle ${worstSize.toFixed(1)} KB (target ≤ ${SIZE_TARGET_KB}: ${worstSize <= SIZE_TARGET_KB ? 'met' : 'NOT met'}) · slowest load ${worstRatio.toFixed(2)}× the yardstick (target ≤ ${LOAD_TARGET_RATIO}: ${worstRatio <= LOAD_TARGET_RATIO ? 'met' : 'NOT met'})`,
);
