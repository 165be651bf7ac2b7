import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time under `path` (a file or a folder, recursively). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((n) => newest(join(path, n))));
}

/**
 * Builds packages/web when its dist is missing or older than its sources (or the content names it embeds), so
 * `npm start` and the browser tests always serve the current app. Returns the dist folder.
 */
export function ensureWebBuilt(repoRoot: string, log: (m: string) => void = console.log): string {
  const web = join(repoRoot, 'packages', 'web');
  const dist = join(web, 'dist');
  const builtAt = newest(join(dist, 'index.html'));
  const sources = Math.max(
    newest(join(web, 'src')),
    newest(join(web, 'index.html')),
    newest(join(web, 'vite.config.ts')),
    newest(join(web, 'package.json')),
    newest(join(repoRoot, 'content', 'competencies.json')),
    newest(join(repoRoot, 'content', 'services.json')),
  );
  if (builtAt > 0 && builtAt >= sources) return dist;
  log(
    builtAt
      ? 'Application web : sources modifiées, reconstruction…'
      : 'Application web : première construction…',
  );
  const r = spawnSync('npm', ['run', 'build', '--workspace', 'packages/web'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`web build failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return dist;
}
