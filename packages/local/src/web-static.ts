import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/**
 * The web dashboards (packages/web/dist) on the API's origin under `/app/`, as CloudFront serves them from S3 on
 * AWS: hashed assets cached for a year, `index.html` for every other path (client-side routes), and a generated
 * `/app/config.js` (runtime settings: API on the same origin, the demo people to sign in as).
 */
export interface WebAppOptions {
  distDir: string;
  /** Becomes `window.PARCOURS_CONFIG` in `/app/config.js`. */
  config: Record<string, unknown>;
}

export const WEB_BASE = '/app';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/**
 * Same policy as the CloudFront response headers policy (infra/constructs/web-hosting.ts): the app talks to its own
 * origin, and to the hosted UI's token endpoint when sign-in goes through it.
 */
export function webSecurityHeaders(config: WebAppOptions['config'] = {}) {
  const hostedUi = (config['cognito'] as { baseUrl?: string } | undefined)?.baseUrl;
  const connect = ["'self'", ...(hostedUi ? [new URL(hostedUi).origin] : [])].join(' ');
  return {
    'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src ${connect}; frame-ancestors 'none'; base-uri 'self'; form-action 'self'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
  } as const;
}

export function isWebPath(pathname: string): boolean {
  return pathname === WEB_BASE || pathname.startsWith(`${WEB_BASE}/`);
}

function sendText(
  headers: ReturnType<typeof webSecurityHeaders>,
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  head: boolean,
  cache = 'no-cache',
) {
  const buf = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    ...headers,
    'content-type': type,
    'content-length': String(buf.length),
    'cache-control': cache,
  });
  res.end(head ? undefined : buf);
}

export function serveWebApp(
  method: string,
  pathname: string,
  res: ServerResponse,
  opts: WebAppOptions,
): void {
  const head = method === 'HEAD';
  const security = webSecurityHeaders(opts.config);
  if (method !== 'GET' && !head) {
    res.writeHead(405, { allow: 'GET, HEAD' });
    res.end();
    return;
  }
  if (pathname === WEB_BASE) {
    res.writeHead(301, { location: `${WEB_BASE}/` });
    res.end();
    return;
  }
  if (pathname === `${WEB_BASE}/config.js`) {
    const js = `window.PARCOURS_CONFIG = ${JSON.stringify(opts.config)};\n`;
    sendText(security, res, 200, TYPES['.js']!, js, head, 'no-store');
    return;
  }
  const index = join(opts.distDir, 'index.html');
  if (!existsSync(index)) {
    sendText(
      security,
      res,
      503,
      TYPES['.txt']!,
      'The web app is not built: run `npm run build:web`.\n',
      head,
    );
    return;
  }
  let rel: string;
  try {
    rel = decodeURIComponent(pathname.slice(WEB_BASE.length + 1));
  } catch {
    sendText(security, res, 400, TYPES['.txt']!, 'Bad path\n', head);
    return;
  }
  const file = normalize(join(opts.distDir, rel));
  const inside = file.startsWith(opts.distDir + sep);
  const found = inside && rel !== '' && existsSync(file) && statSync(file).isFile();
  // Unknown paths are client-side routes: the app's index.html (never cached: it names the current assets).
  const path = found ? file : index;
  const immutable = found && rel.startsWith('assets/');
  res.writeHead(200, {
    ...security,
    'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    'content-length': String(statSync(path).size),
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (head) res.end();
  else createReadStream(path).pipe(res);
}
