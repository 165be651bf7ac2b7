/**
 * The two SES v2 calls Parcours makes — `SendEmail` with raw content (the reminder tick) and `GetAccount` (the
 * `/health` probe) — as SigV4-signed HTTPS requests. Shared by `reminders` and `catalog`. Each SDK client carries
 * every operation's schema (SESv2's alone are ~47 KB, SES v1 brings an XML protocol): two calls do not need them.
 * Signing is the SDK's own signer (@smithy/signature-v4, already in every bundle for DynamoDB) with the credentials
 * Lambda puts in the environment; errors come back shaped as the SDK's (`name`, `$metadata.httpStatusCode`), with
 * SES v2's error names (reminders/mail.ts classifies them).
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';

export interface SesTarget {
  readonly region: string;
  /** Locally the SES sink (packages/local); on AWS absent: the regional endpoint. */
  readonly endpoint?: string;
  readonly timeoutMs: number;
}

/** An error SES answered, named as the SDK names it (`MessageRejected`, `TooManyRequestsException`…). */
export class SesApiError extends Error {
  readonly $metadata: { readonly httpStatusCode: number };
  constructor(name: string, message: string, status: number) {
    super(message);
    this.name = name;
    this.$metadata = { httpStatusCode: status };
  }
}

const signers = new Map<string, SignatureV4>();
function signerFor(region: string): SignatureV4 {
  let signer = signers.get(region);
  if (!signer) {
    signer = new SignatureV4({ service: 'ses', region, credentials: fromEnv(), sha256: Sha256 });
    signers.set(region, signer);
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

export async function sesApi<T>(
  target: SesTarget,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const url = new URL(path, target.endpoint ?? `https://email.${target.region}.amazonaws.com`);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const signed = await signerFor(target.region).sign({
    method,
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname,
    query: {},
    headers: {
      host: url.host,
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(payload === undefined ? {} : { body: payload }),
  });
  const res = await fetch(url, {
    method,
    headers: signed.headers,
    ...(payload === undefined ? {} : { body: payload }),
    signal: AbortSignal.timeout(target.timeoutMs),
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
    throw new SesApiError(errorName(res, parsed), message, res.status);
  }
  return parsed as T;
}
