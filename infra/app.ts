/**
 * CDK app entry (cdk.json: `npx tsx infra/app.ts`). Context: region, sesFromAddress, sesIdentity | sesIdentityArn,
 * publicUrl, corsAllowOrigins, adminEmail, authDomainPrefix, proConnect* (see deploy-settings.ts and README.md).
 */
import { pathToFileURL } from 'node:url';
import type { FunctionDef } from '@parcours/http/route-types';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { openApiDocument } from '../functions/openapi.ts';
import { functions as routeTable } from '../functions/routes.ts';
import { readDeploySettings } from './deploy-settings.ts';
import { ParcoursStack } from './parcours-stack.ts';

/** Builds the app; tests pass their own App (context, outdir) and may pass a modified route table. */
export function createApp(
  app: App = new App(),
  functions: readonly FunctionDef[] = routeTable,
): { app: App; stack: ParcoursStack } {
  const settings = readDeploySettings(app.node);
  const stack = new ParcoursStack(app, 'Parcours', {
    env: { account: process.env['CDK_DEFAULT_ACCOUNT'], region: settings.region },
    description: 'Parcours: learning paths for public-sector innovation training',
    settings,
    functions,
    // Generated here, at synth: the document is a build artefact, served as a static file.
    apiDocument: openApiDocument('/api'),
    terminationProtection: true,
  });
  // cdk-nag 3 is a policy-validation plugin (Aspects.of(app).add throws): findings fail the synth.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

// Run as the CDK app, not when a test imports createApp.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  createApp().app.synth();
}
