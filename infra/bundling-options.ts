/**
 * One set of esbuild options for the CDK asset bundling (NodejsFunction) and for `npm run build` / `npm run bench`,
 * so the figures the bench prints are those of the code that is deployed.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';
import { handlerEntry } from '../functions/routes.ts';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Absolute path of a function's handler, as the route table names it. */
export function entryPath(functionName: string): string {
  return join(REPO_ROOT, handlerEntry(functionName));
}

/** Lambda's credentials are in its environment: the SDK's default provider chain is replaced (env-credentials.ts). */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': join(REPO_ROOT, 'infra', 'env-credentials.ts'),
};

/** Some CommonJS dependencies call `require` for Node built-ins; ESM bundles have none, so define one. */
export const ESM_REQUIRE_BANNER =
  "import{createRequire}from'module';const require=createRequire(import.meta.url);";

const SHARED = {
  // Node 20 is what runs locally (bench, tests; package.json engines: >=20.19); the syntax it accepts also runs on
  // Lambda's nodejs24.x.
  target: 'node20.19',
  // ESM-first resolution lets esbuild tree-shake the AWS SDK: ~40 % smaller and faster to load than CJS-first.
  mainFields: ['module', 'main'],
  minify: true,
  // Source maps without the sources: stack traces map to .ts lines, the asset stays small.
  sourcemap: true,
  sourcesContent: false,
} as const;

/**
 * NodejsFunction bundling. The AWS SDK is bundled rather than taken from the runtime: the version we test is the one
 * that runs, and the tree-shaken ESM copy loads faster than the runtime's full CommonJS one.
 */
export const lambdaBundling: BundlingOptions = {
  format: OutputFormat.ESM,
  target: SHARED.target,
  mainFields: [...SHARED.mainFields],
  minify: SHARED.minify,
  sourceMap: SHARED.sourcemap,
  sourcesContent: SHARED.sourcesContent,
  banner: ESM_REQUIRE_BANNER,
  esbuildArgs: Object.fromEntries(
    Object.entries(BUNDLE_ALIASES).map(([from, to]) => [`--alias:${from}`, to]),
  ),
  // Nothing external: CDK's default would leave `@aws-sdk/*` to the runtime's copy (slower to load, and not the
  // version we test).
  externalModules: [],
  // Local esbuild only: no Docker on build machines, and the same binary as `npm run build`.
  forceDockerBundling: false,
};

/** The esbuild equivalent of `lambdaBundling`, writing `<outdir>/index.mjs` like the CDK asset does. */
export function esbuildOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile: join(outdir, 'index.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: SHARED.target,
    mainFields: [...SHARED.mainFields],
    minify: SHARED.minify,
    sourcemap: SHARED.sourcemap,
    sourcesContent: SHARED.sourcesContent,
    banner: { js: ESM_REQUIRE_BANNER },
    alias: { ...BUNDLE_ALIASES },
    metafile: true,
    logLevel: 'warning',
  };
}
