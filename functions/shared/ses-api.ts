/**
 * The two SES v2 calls Parcours makes — `SendEmail` with raw content (the reminder tick) and `GetAccount` (the
 * `/health` probe) — as SigV4-signed HTTPS requests. Shared by `reminders` and `catalog`. Each SDK client carries
 * every operation's schema (SESv2's alone are ~47 KB, SES v1 brings an XML protocol): two calls do not need them.
 * Signing is the SDK's own signer (@smithy/signature-v4, already in every bundle for DynamoDB) with the credentials
 * Lambda puts in the environment; errors come back shaped as the SDK's (`name`, `$metadata.httpStatusCode`), with
 * SES v2's error names (reminders/mail.ts classifies them).
 */
import { signedJsonCall } from './signed-call.ts';

export interface SesTarget {
  readonly region: string;
  /** Locally the SES sink (packages/local); on AWS absent: the regional endpoint. */
  readonly endpoint?: string;
  readonly timeoutMs: number;
}

/** An error SES answered, named as the SDK names it (`MessageRejected`, `TooManyRequestsException`…). */
export { AwsApiError as SesApiError } from './signed-call.ts';

export async function sesApi<T>(
  target: SesTarget,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  return signedJsonCall<T>({
    service: 'ses',
    region: target.region,
    url: new URL(path, target.endpoint ?? `https://email.${target.region}.amazonaws.com`),
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    timeoutMs: target.timeoutMs,
  });
}
