import type { ApiEvent } from '@parcours/http';
import { LrsError } from './errors.ts';

/**
 * An LRS request as the resources see it: the effective method (after the alternate request syntax), the resource
 * path below `/xapi`, query parameters with their names exactly as sent (case matters: Communication 3.2.s3.b8),
 * lower-cased header names, and the raw body bytes.
 */
export interface LrsRequest {
  method: string;
  /** e.g. `/statements`, `/activities/state`. */
  resource: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: Buffer | undefined;
  /** True when the request came in the alternate syntax (Communication 1.3). */
  alternate: boolean;
}

export const XAPI_BASE_PATH = '/xapi';

/** Query parameters, each given at most once (a repeated parameter is ambiguous: 400). */
export function parseQueryString(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(raw)) {
    if (Object.hasOwn(out, name))
      throw new LrsError(400, 'duplicate-parameter', `Parameter '${name}' is given twice`);
    out[name] = value;
  }
  return out;
}

export function requestFromEvent(event: ApiEvent): LrsRequest {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(event.headers ?? {})) if (v !== undefined) headers[k.toLowerCase()] = v;
  const path = event.rawPath ?? event.requestContext.http.path;
  const resource = path.startsWith(XAPI_BASE_PATH) ? path.slice(XAPI_BASE_PATH.length) || '/' : path;
  const body =
    event.body === undefined || event.body === ''
      ? undefined
      : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  return {
    method: event.requestContext.http.method.toUpperCase(),
    resource: resource.replace(/\/+$/, '') || '/',
    query: parseQueryString(event.rawQueryString ?? ''),
    headers,
    body,
    alternate: false,
  };
}

/** The media type of a Content-Type value, lower-cased, without parameters. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** A parameter of a Content-Type value (e.g. `boundary`), unquoted. */
export function contentTypeParam(contentType: string | undefined, name: string): string | undefined {
  const re = new RegExp(`;\\s*${name}\\s*=\\s*("((?:[^"\\\\]|\\\\.)*)"|[^;]+)`, 'i');
  const m = re.exec(contentType ?? '');
  if (!m) return undefined;
  return m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[1]!.trim();
}
