/**
 * `npm run bench`: builds every function of the route table (infra/build-functions.ts, the deployed esbuild
 * options), then prints each bundle's size, what fills it, and its cold load time: a fresh `node` importing the
 * bundle, median of several runs, without and with --enable-source-maps (the deployed NODE_OPTIONS).
 * Load time is a proxy for Lambda's init phase on this machine, not a measurement of Lambda.
 *
 *   npm run bench [-- --runs 7] [-- --only me-get,health-get]
 */
import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Metafile } from 'esbuild';
import { buildFunctions, kb } from '../infra/build-functions.ts';
import { REPO_ROOT } from '../infra/bundling-options.ts';

const args = process.argv.slice(2);
const argValue = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const RUNS = Number(argValue('--runs') ?? 7);
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

const built = await buildFunctions(ONLY);
// One untimed load warms the OS file cache so the first function measured is not penalised.
if (built[0]) loadMs(built[0].file, false);

const rows = built.map((b) => {
  const plain: number[] = [];
  const mapped: number[] = [];
  // Interleaved, so a burst of load on the machine hits both columns alike.
  for (let i = 0; i < RUNS; i++) {
    plain.push(loadMs(b.file, false));
    mapped.push(loadMs(b.file, true));
  }
  return {
    function: b.name,
    'index.mjs KB': kb(b.bytes),
    'map KB': kb(b.mapBytes),
    'load ms': median(plain).toFixed(1),
    'load ms +maps': median(mapped).toFixed(1),
    'largest parts': largestParts(b.metafile, b.bytes),
  };
});
console.log(`Node ${process.version}, ${RUNS} runs per figure (median)`);
console.table(rows);
