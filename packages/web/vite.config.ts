import { defineConfig } from 'vite';

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
  '/competencies',
  '/services',
  '/notifications',
  '/audit',
  '/people',
  '/lrs',
  '/reports',
  '/transfer',
  '/trainers',
  '/evaluations',
  '/openapi.json',
];

export default defineConfig({
  base: '/app/',
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
