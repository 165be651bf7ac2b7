import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Construct } from 'constructs';

/**
 * The dist folder, or, when it is missing and placeholders are allowed (tests synthesize without building the web
 * app), a temporary folder with a one-page placeholder. A real deployment without a build fails here, loudly.
 */
export function resolveDist(distDir: string, allowPlaceholder: boolean): string {
  if (existsSync(join(distDir, 'index.html'))) return distDir;
  if (!allowPlaceholder)
    throw new Error(`The web app is not built (${distDir} is missing): run \`npm run build:web\` first.`);
  const dir = mkdtempSync(join(tmpdir(), 'parcours-web-placeholder-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Parcours</title><p>Application non construite.</p>',
  );
  writeFileSync(join(dir, 'assets', '.keep'), '');
  return dir;
}

/**
 * Context of the web hosting (`-c key=value`): `webPlaceholder` (true: synthesize without a built app, tests),
 * `webAclArn`, `webDomainName` + `webCertificateArn` (us-east-1). The hosted UI's address is the stack's own
 * (user-pool.ts), no longer a setting.
 */
export function webHostingContext(scope: Construct): {
  allowPlaceholder: boolean;
  webAclArn?: string;
  domain?: { name: string; certificateArn: string };
} {
  const str = (key: string) => {
    const v: unknown = scope.node.tryGetContext(key);
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const placeholder: unknown = scope.node.tryGetContext('webPlaceholder');
  const name = str('webDomainName');
  const certificateArn = str('webCertificateArn');
  if ((name === undefined) !== (certificateArn === undefined))
    throw new Error("Context 'webDomainName' and 'webCertificateArn' go together");
  if (str('cognitoDomain'))
    throw new Error(
      "Context 'cognitoDomain' is gone: the stack creates the hosted UI (see 'authDomainPrefix' in infra/README.md)",
    );
  const webAclArn = str('webAclArn');
  return {
    allowPlaceholder: placeholder === true || placeholder === 'true',
    ...(webAclArn ? { webAclArn } : {}),
    ...(name && certificateArn ? { domain: { name, certificateArn } } : {}),
  };
}
