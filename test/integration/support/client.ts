import type { TokenRequest } from '@parcours/local/local-identity';
import { inject } from 'vitest';

export const apiUrl = () => inject('apiUrl');

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** A tiny HTTP client for tests: JSON in, JSON out, status and headers kept for assertions. */
export async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  opts: {
    token?: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
    /** The business time of this request (the local adapter's `X-Parcours-Now`): no test waits for real time. */
    now?: string;
  } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.now) headers['x-parcours-now'] = opts.now;
  if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${apiUrl()}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}

/** Gets a token from the local stack's `POST /_local/token` (exactly what the demo sign-in does). */
export async function tokenFor(req: TokenRequest): Promise<string> {
  const r = await call<{ token: string }>('POST', '/_local/token', { body: req });
  if (r.status !== 200) throw new Error(`token request failed: ${r.status} ${r.text}`);
  return r.body.token;
}

let counter = 0;
/** A fresh user id per test, so tests never see each other's data. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}
