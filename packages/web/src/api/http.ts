import { config } from '../config.ts';

/** An API answer that is not 2xx, with the `{ error: { code, message } }` body every route returns. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The error body's `details` (e.g. `{ field }` of a 409 on a form), when the API sent one. */
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** The route does not exist on this installation (yet): the view shows "données indisponibles". */
  get unavailable(): boolean {
    return this.status === 404 && this.code === 'route-not-found';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  token?: string;
  accept?: string;
}

let onUnauthenticated: (() => void) | undefined;
/** Called on a 401: the token expired or was revoked. */
export function setUnauthenticatedHandler(fn: () => void): void {
  onUnauthenticated = fn;
}

export function apiUrl(path: string): string {
  return `${config.apiBaseUrl}${path}`;
}

async function request(path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: opts.accept ?? 'application/json' };
  if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(apiUrl(path), {
      method: opts.method ?? 'GET',
      headers,
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network-error', 'network');
  }
  if (res.ok) return res;
  let code = 'http-error';
  let message = `${res.status}`;
  let details: unknown;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
    details = body.error?.details;
  } catch {
    // not JSON: keep the status
  }
  if (res.status === 401 && opts.token) onUnauthenticated?.();
  throw new ApiError(res.status, code, message, details);
}

export async function apiJson<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await request(path, opts);
  return (await res.json()) as T;
}

export async function apiBlob(
  path: string,
  opts: RequestOptions = {},
): Promise<{ blob: Blob; filename?: string }> {
  const res = await request(path, opts);
  const disposition = res.headers.get('content-disposition') ?? '';
  const filename = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
  return { blob: await res.blob(), ...(filename ? { filename: decodeURIComponent(filename) } : {}) };
}

/** `?a=1&b=x` from the defined values only. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
