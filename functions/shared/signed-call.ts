/**
 * One SigV4-signed JSON request to an AWS service, for the few calls that do not justify an SDK client and its
 * schemas (ses-api.ts, cognito-api.ts). Signed with the SDK's own signer and the credentials Lambda puts in the
 * environment; an error comes back named as the SDK names it (`name`, `$metadata.httpStatusCode`), so callers and the
 * outage classification (packages/http/src/outage.ts) read it as they would the SDK's.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';

export class AwsApiError extends Error {
  readonly $metadata: { readonly httpStatusCode: number };
  constructor(name: string, message: string, status: number) {
    super(message);
    this.name = name;
    this.$metadata = { httpStatusCode: status };
  }
}

const signers = new Map<string, SignatureV4>();
function signerFor(service: string, region: string): SignatureV4 {
  const key = `${service}|${region}`;
  let signer = signers.get(key);
  if (!signer) {
    signer = new SignatureV4({ service, region, credentials: fromEnv(), sha256: Sha256 });
    signers.set(key, signer);
  }
  return signer;
}

/** AWS JSON errors name their type in `x-amzn-ErrorType` (`Name:http://…`) or the body's `__type`/`code`. */
function errorName(res: Response, body: Record<string, unknown>): string {
  const header = res.headers.get('x-amzn-errortype')?.split(':')[0];
  const fromBody = String(body['__type'] ?? body['code'] ?? '')
    .split('#')
    .pop();
  return header || fromBody || `Http${res.status}`;
}

export async function signedJsonCall<T>(req: {
  service: string;
  region: string;
  url: URL;
  method: 'GET' | 'POST';
  /** Besides `host` (always signed). */
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
}): Promise<T> {
  const { url, body } = req;
  const signed = await signerFor(req.service, req.region).sign({
    method: req.method,
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname,
    query: {},
    headers: { host: url.host, ...req.headers },
    ...(body === undefined ? {} : { body }),
  });
  const res = await fetch(url, {
    method: req.method,
    headers: signed.headers,
    ...(body === undefined ? {} : { body }),
    signal: AbortSignal.timeout(req.timeoutMs),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // A non-JSON answer (a proxy's error page): the status says enough.
  }
  if (!res.ok) {
    const message = String(parsed['message'] ?? parsed['Message'] ?? (text.slice(0, 200) || res.statusText));
    throw new AwsApiError(errorName(res, parsed), message, res.status);
  }
  return parsed as T;
}
