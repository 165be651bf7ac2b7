/**
 * The typed API client: paths, parameters, bodies and answers come from `schema.d.ts`, generated from the OpenAPI
 * document (`npm run generate:api`), so a wrong path or field fails `tsc` instead of a user's request.
 * Every non-2xx answer throws the same `ApiError` as `http.ts` (code + message + details from the error body).
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { useMemo } from 'preact/hooks';
import { useAuth } from '../auth/auth.tsx';
import { config } from '../config.ts';
import { ApiError } from './http.ts';
import type { paths } from './schema.d.ts';

export type ApiClient = ReturnType<typeof createClient<paths>>;

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

/** Unwraps an openapi-fetch answer: the data, or the `ApiError` the views know how to show. */
export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let r: Awaited<typeof call>;
  try {
    r = await call;
  } catch {
    throw new ApiError(0, 'network-error', 'network');
  }
  if (r.response.ok) return r.data as T;
  const body = (r.error ?? {}) as ErrorBody;
  throw new ApiError(
    r.response.status,
    body.error?.code ?? 'http-error',
    body.error?.message ?? String(r.response.status),
    body.error?.details,
  );
}

export function apiClient(token: string | undefined): ApiClient {
  const client = createClient<paths>({ baseUrl: config.apiBaseUrl });
  if (token) {
    const auth: Middleware = {
      onRequest({ request }) {
        request.headers.set('authorization', `Bearer ${token}`);
        return request;
      },
    };
    client.use(auth);
  }
  return client;
}

/** The client for the signed-in person (or anonymous on public pages). */
export function useApi(): ApiClient {
  const { token } = useAuth();
  return useMemo(() => apiClient(token), [token]);
}
