import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FunctionDef } from '@parcours/http/route-types';
import { App } from 'aws-cdk-lib';
import { createApp } from '../../infra/app.ts';

export interface SynthOptions {
  /** Really bundle the functions with esbuild (slow); by default bundling is skipped. */
  readonly bundle?: boolean;
  readonly context?: Record<string, unknown>;
  readonly functions?: readonly FunctionDef[];
}

const outdirs: string[] = [];

/** Removes the assemblies synthesized so far (call from afterAll). */
export function removeSynthesized(): void {
  for (const dir of outdirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Synthesizes the Parcours app into a fresh temporary directory. */
export function synthParcours(opts: SynthOptions = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'parcours-cdk-'));
  outdirs.push(outdir);
  const app = new App({
    outdir,
    context: {
      // No stack is bundled: NodejsFunction emits a placeholder asset (about 10x faster).
      ...(opts.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      // The web app may not be built when the infra tests run: deploy a placeholder page then (web-hosting.ts).
      webPlaceholder: true,
      ...opts.context,
    },
  });
  const { stack } = createApp(app, opts.functions);
  const assembly = app.synth();
  return { app, stack, assembly, outdir };
}
