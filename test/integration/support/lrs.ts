import { randomUUID } from 'node:crypto';
import { apiUrl, call } from './client.ts';
import { lab } from './fixtures.ts';
import { eventually } from './local.ts';

/**
 * Test client for the LRS: HTTP Basic with credentials created through the real management API, raw bodies, and the
 * xAPI headers. Every helper returns status, headers, raw bytes and the parsed JSON when there is one.
 */
export interface LrsCredentials {
  key: string;
  secret: string;
}

export interface LrsResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  bytes: Buffer;
}

export async function createCredentials(
  scopes: string[] = ['all'],
  name = 'integration tests',
): Promise<LrsCredentials> {
  const r = await call<{ key: string; secret: string }>('POST', '/lrs/clients', {
    token: await lab(),
    body: { name, scopes },
  });
  if (r.status !== 201) throw new Error(`credential creation failed: ${r.status} ${r.text}`);
  return { key: r.body.key, secret: r.body.secret };
}

export function basic(c: LrsCredentials): string {
  return `Basic ${Buffer.from(`${c.key}:${c.secret}`).toString('base64')}`;
}

export interface LrsRequestOptions {
  creds?: LrsCredentials | null;
  query?: Record<string, string>;
  /** Raw query string (to send odd spellings or repeated names). */
  rawQuery?: string;
  json?: unknown;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Defaults to 1.0.3; null sends no version header. */
  version?: string | null;
}

let defaultCreds: LrsCredentials | undefined;
export async function defaultCredentials(): Promise<LrsCredentials> {
  defaultCreds ??= await createCredentials(['all']);
  return defaultCreds;
}

export async function lrs<T = unknown>(
  method: string,
  resource: string,
  opts: LrsRequestOptions = {},
): Promise<LrsResponse<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  const creds = opts.creds === undefined ? await defaultCredentials() : opts.creds;
  if (creds) headers['authorization'] = basic(creds);
  if (opts.version !== null) headers['x-experience-api-version'] ??= opts.version ?? '1.0.3';
  let body: string | Buffer | undefined = opts.body;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers['content-type'] ??= 'application/json';
  }
  const qs = opts.rawQuery ?? (opts.query ? new URLSearchParams(opts.query).toString() : '');
  const res = await fetch(`${apiUrl()}/xapi${resource}${qs ? `?${qs}` : ''}`, {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString('utf8');
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body: parsed as T, text, bytes };
}

/** A fresh Agent per call, so tests never see each other's Statements. */
export function agent(name = 'learner'): { objectType: 'Agent'; name: string; mbox: string } {
  return { objectType: 'Agent', name, mbox: `mailto:${name}-${randomUUID()}@example.org` };
}

export function statement(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    actor: agent(),
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
    object: { objectType: 'Activity', id: `http://example.org/activities/${randomUUID()}` },
    ...overrides,
  };
}

/** Polls until the LRS's consistency bound passes `stored` (X-Experience-API-Consistent-Through). */
export async function waitConsistent(stored: string, timeoutMs = 55_000): Promise<void> {
  const through = await eventually(
    async () =>
      (await lrs('GET', '/statements', { query: { limit: '1' } })).headers.get(
        'x-experience-api-consistent-through',
      ),
    (t) => t !== null && t >= stored,
    { timeoutMs, intervalMs: 100, drain: false },
  );
  if (through === null || through < stored)
    throw new Error(`LRS not consistent through ${stored} (at ${through})`);
}

/** Posts Statements, then waits until queries see them. Returns the ids. */
export async function postAndWait(statements: unknown[]): Promise<string[]> {
  const r = await lrs<string[]>('POST', '/statements', { json: statements });
  if (r.status !== 200) throw new Error(`POST statements failed: ${r.status} ${r.text}`);
  await waitConsistent(new Date().toISOString());
  return r.body;
}

export function multipartBody(
  parts: { headers: Record<string, string>; body: string | Buffer }[],
  boundary: string,
): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    for (const [k, v] of Object.entries(p.headers)) chunks.push(Buffer.from(`${k}: ${v}\r\n`));
    chunks.push(
      Buffer.from('\r\n'),
      Buffer.isBuffer(p.body) ? p.body : Buffer.from(p.body),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}
