import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { functions } from '../../functions/routes.ts';
import { seedSources } from '../../functions/seed/sources.ts';
import { ESM_REQUIRE_BANNER, entryPath, esbuildOptions } from '../../infra/bundling-options.ts';
import { ParcoursFunction } from '../../infra/constructs/parcours-function.ts';
import { removeSynthesized, synthParcours } from './synth.ts';

/**
 * The one test that really bundles (default context). Two functions stand for all: one reading the table through the
 * AWS SDK, one scheduled and sending mail; every function goes through the same NodejsFunction options (`npm run
 * build` bundles all).
 */
const SAMPLE = ['catalog', 'reminders', 'seed'];

/** What the stack sets (values made up): some handlers validate their configuration at import time. */
const DEPLOYED_ENV = {
  PATH: process.env['PATH'] ?? '',
  AWS_REGION: 'eu-west-3',
  TABLE_NAME: 'parcours-test',
  SES_FROM: 'parcours@formation.example.gouv.fr',
  PUBLIC_URL: 'https://api.example.org',
  LINK_SIGNING_SECRET: 'x'.repeat(64),
  NODE_OPTIONS: '--enable-source-maps',
  LOG_LEVEL: 'SILENT',
};

/**
 * A sentence of content/'s e-mail texts (no code contains it; ASCII, so the minifier keeps it as is): it is in the
 * seed's bundle and nowhere else.
 */
const EMAIL_PHRASE = (seedSources.emails as { en: { text: string } }[])
  .map((e) => /[A-Za-z ,.]{40,}/.exec(e.en.text)?.[0])
  .find((phrase) => phrase !== undefined)!;

afterAll(removeSynthesized);

describe('asset bundling', () => {
  it('bundles handlers with local esbuild into loadable ESM assets with source maps', () => {
    const sample = functions.filter((f) => SAMPLE.includes(f.name));
    expect(sample).toHaveLength(SAMPLE.length);
    const { stack, outdir } = synthParcours({ bundle: true, functions: sample });
    const resources = Template.fromStack(stack).toJSON()['Resources'] as Record<
      string,
      { Properties: { Code: { S3Key: string } } }
    >;

    const fns = stack.node.children.filter((c): c is ParcoursFunction => c instanceof ParcoursFunction);
    let seeds = 0;
    expect(fns).toHaveLength(SAMPLE.length);
    for (const pf of fns) {
      const id = stack.getLogicalId(pf.fn.node.defaultChild as CfnElement);
      const hash = resources[id]?.Properties.Code.S3Key.replace(/\.zip$/, '');
      const bundle = join(outdir, `asset.${hash}`, 'index.mjs');
      expect(existsSync(bundle), bundle).toBe(true);
      expect(existsSync(`${bundle}.map`)).toBe(true);
      const code = readFileSync(bundle, 'utf8');
      expect(code.startsWith(ESM_REQUIRE_BANNER)).toBe(true);
      // The SDK's default credential chain is replaced by the environment's credentials (env-credentials.ts): no
      // web-identity, SSO or profile providers in the bundle.
      // (booleans, not toContain: a failure would print the whole minified bundle)
      expect(code.includes('AWS_WEB_IDENTITY_TOKEN_FILE')).toBe(false);
      expect(code.includes('sso_start_url')).toBe(false);
      // content/ is the seed's only: the other functions read the programme from the table (issue #17). A phrase of
      // content/emails.json — what the reminders rendered from before — is in the seed's bundle and nowhere else.
      expect(EMAIL_PHRASE.length).toBeGreaterThan(40);
      const seedOnly = code.includes(EMAIL_PHRASE);
      expect(seedOnly, pf.node.id).toBe(pf.node.id === 'Seed');
      if (pf.node.id === 'Seed') seeds++;
      // Classic zod (450 KB) stays out: Lambda code validates with zod/mini.
      expect(code.includes('"ZodString"')).toBe(false);

      // A fresh Node loads it as an ES module and finds the handler Lambda will call (index.handler).
      const probe = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          'const m=await import(process.argv[1]);process.stdout.write(typeof m.handler)',
          pathToFileURL(bundle).href,
        ],
        { encoding: 'utf8', env: DEPLOYED_ENV },
      );
      // A failed import prints the whole minified line: keep the assertion message short.
      expect(probe.status, probe.stderr.slice(-600)).toBe(0);
      expect(probe.stdout).toBe('function');
    }
    expect(seeds).toBe(1);
  });
});

describe('bundle budget', () => {
  // Size is deterministic, so it is held here; load time is measured by `npm run bench` (ratios in one run).
  it('keeps every function’s code under 350 KB minified (issue #16)', async () => {
    const sizes: Record<string, number> = {};
    for (const fn of functions) {
      const r = await build({
        ...esbuildOptions(entryPath(fn.name), join(tmpdir(), 'parcours-budget', fn.name)),
        write: false,
      });
      const code = r.outputFiles.find((f) => f.path.endsWith('index.mjs'));
      sizes[fn.name] = Math.round((code?.contents.byteLength ?? Number.POSITIVE_INFINITY) / 1024);
    }
    const over = Object.entries(sizes).filter(([, kb]) => kb > 350);
    expect(over, JSON.stringify(sizes)).toEqual([]);
  });
});
