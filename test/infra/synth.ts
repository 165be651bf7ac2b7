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

/**
 * A template value as text, CloudFormation's joins flattened and references shown as `<LogicalId>` or
 * `<LogicalId.Attribute>`: lets a test read a CSP or `config.js` whole, whatever parts resolve at deploy.
 */
export function templateText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const fn = value as Record<string, unknown>;
    const join = fn['Fn::Join'];
    if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1]))
      return join[1].map(templateText).join(join[0]);
    if (typeof fn['Ref'] === 'string') return `<${fn['Ref']}>`;
    const att = fn['Fn::GetAtt'];
    if (Array.isArray(att)) return `<${att.join('.')}>`;
  }
  throw new Error(`Not a text value of the template: ${JSON.stringify(value)}`);
}
