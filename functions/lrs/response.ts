import type { ApiResult } from '@parcours/http';
import { SECURITY_HEADERS } from '@parcours/http';
import type { LrsError } from './errors.ts';

/** The xAPI version this LRS speaks; sent on every response (Communication 3.3.s3.b1-b2). */
export const XAPI_VERSION = '1.0.3';

/**
 * CORS for browser-based xAPI content (Communication Appendix C): any origin, the xAPI request headers, and the
 * response headers clients need to read. API Gateway answers preflights on AWS; the handler answers them locally.
 */
export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, PUT, POST, DELETE, OPTIONS',
  'access-control-allow-headers':
    'Authorization, Content-Type, Content-Length, If-Match, If-None-Match, X-Experience-API-Version, Accept-Language',
  'access-control-expose-headers':
    'ETag, Last-Modified, Content-Type, Content-Length, WWW-Authenticate, X-Experience-API-Version, X-Experience-API-Consistent-Through',
  'access-control-max-age': '3600',
};

export interface LrsResponse {
  status: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export function jsonResponse(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): LrsResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value),
  };
}

export function noContent(headers: Record<string, string> = {}): LrsResponse {
  return { status: 204, headers };
}

export function errorResponse(e: LrsError): LrsResponse {
  const headers: Record<string, string> = {};
  if (e.status === 401) headers['www-authenticate'] = 'Basic realm="Parcours LRS", charset="UTF-8"';
  return jsonResponse(
    e.status,
    {
      error: { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) },
    },
    headers,
  );
}

/** HTTP-date (RFC 7231 §7.1.1.1) for Last-Modified. */
export function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}

/** The Lambda result: binary bodies base64-encoded; HEAD answers carry headers only (Communication 1.1.s3.b1). */
export function toResult(res: LrsResponse, head: boolean): ApiResult {
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    ...CORS_HEADERS,
    ...res.headers,
    'x-experience-api-version': XAPI_VERSION,
  };
  if (head || res.body === undefined || res.status === 204) return { statusCode: res.status, headers };
  if (typeof res.body === 'string') return { statusCode: res.status, headers, body: res.body };
  return { statusCode: res.status, headers, body: res.body.toString('base64'), isBase64Encoded: true };
}
