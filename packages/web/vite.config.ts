import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * The dashboards are served under `/app/` (locally by packages/local, on AWS by CloudFront from S3). JSX is compiled
 * for Preact by Vite's own transformer (no plugin). `npm run dev -w packages/web` proxies the API to `npm start`.
 */
const api = process.env['PARCOURS_API'] ?? 'http://127.0.0.1:3000';
const apiPaths = [
  '/app/config.js',
  '/_local',
  '/me',
  '/sessions',
  '/enrolments',
  '/modules',
  '/paths',
  '/sites',
  '/reports',
  '/transfer',
  '/trainers',
  '/evaluations',
  '/openapi.json',
];

const CONTENT = resolve(import.meta.dirname, '../../content');
const VIRTUAL_ID = 'virtual:content-names';

/**
 * `virtual:content-names`: the names of competencies, services and ladder steps from content/, resolved at build
 * time (the API has no public listing of them), and only the names: descriptions stay out of the bundle.
 */
function contentNames(): Plugin {
  const read = (file: string) => JSON.parse(readFileSync(resolve(CONTENT, file), 'utf8')) as unknown;
  return {
    name: 'parcours-content-names',
    resolveId: (id) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
    load(id) {
      if (id !== `\0${VIRTUAL_ID}`) return undefined;
      const competencies = read('competencies.json') as { id: string; title: { fr: string; en: string } }[];
      const services = read('services.json') as { id: string; name: string }[];
      const names = {
        competencies: Object.fromEntries(competencies.map((c) => [c.id, c.title])),
        services: Object.fromEntries(services.map((s) => [s.id, s.name])),
      };
      return `export default ${JSON.stringify(names)};`;
    },
  };
}

export default defineConfig({
  base: '/app/',
  plugins: [contentNames()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: { proxy: Object.fromEntries(apiPaths.map((p) => [p, api])) },
});
