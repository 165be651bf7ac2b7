import type { TokenRequest } from '../../../packages/local/src/local-identity.ts';

export interface ApiResult<T> {
  status: number;
  body: T;
  text: string;
}

/** Test-side HTTP client of the local stack (setup through the API, checks after the browser acted). */
export class Api {
  private readonly tokens = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async call<T = unknown>(
    method: string,
    path: string,
    opts: { token?: string; body?: unknown } = {},
  ): Promise<ApiResult<T>> {
    const headers: Record<string, string> = {};
    if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, body: body as T, text };
  }

  /** Like `call`, but throws unless the status is one of `ok`. */
  async must<T = unknown>(
    method: string,
    path: string,
    opts: { token?: string; body?: unknown } = {},
    ok: number[] = [200, 201],
  ): Promise<T> {
    const r = await this.call<T>(method, path, opts);
    if (!ok.includes(r.status)) throw new Error(`${method} ${path} answered ${r.status}: ${r.text}`);
    return r.body;
  }

  /** A signed token from `POST /_local/token` (what the demo sign-in does), cached per person. */
  async token(req: TokenRequest): Promise<string> {
    const key = JSON.stringify(req);
    let t = this.tokens.get(key);
    if (!t) {
      t = (await this.must<{ token: string }>('POST', '/_local/token', { body: req })).token;
      this.tokens.set(key, t);
    }
    return t;
  }

  lab(): Promise<string> {
    return this.token({ userId: 'lea-dubois', roles: ['lab'], name: 'Léa Dubois' });
  }

  /** Waits until the stream consumer has applied every write so far (projections: reports, transfer). */
  async drain(): Promise<void> {
    await this.must('POST', '/_local/stream/drain');
  }
}
