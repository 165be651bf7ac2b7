/**
 * The few user pool admin calls Parcours makes (mirroring the roles the lab grants into groups and attributes,
 * inviting the first administrator), as SigV4-signed JSON requests — the SDK's Cognito client would carry every
 * operation's schema for a handful of calls (same reasoning as ses-api.ts). Errors come back named as the SDK names
 * them (`UserNotFoundException`…). Locally `COGNITO_ENDPOINT` points at cognito-local (packages/local), which takes
 * the same requests.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import * as z from 'zod/mini';

export class CognitoApiError extends Error {
  readonly $metadata: { readonly httpStatusCode: number };
  constructor(name: string, message: string, status: number) {
    super(message);
    this.name = name;
    this.$metadata = { httpStatusCode: status };
  }
}

const configSchema = z.object({
  AWS_REGION: z.string().check(z.minLength(1)),
  USER_POOL_ID: z.string().check(z.minLength(1)),
  COGNITO_ENDPOINT: z.optional(z.url()),
});

export interface PoolTarget {
  readonly region: string;
  readonly userPoolId: string;
  readonly endpoint: string;
}

let target: PoolTarget | undefined;
/** Read once, at first use, failing loudly: a function that mirrors roles without a pool is a deployment mistake. */
export function poolTarget(): PoolTarget {
  if (target) return target;
  const parsed = configSchema.safeParse(process.env);
  if (!parsed.success)
    throw new Error(
      `User pool settings missing: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  const cfg = parsed.data;
  target = {
    region: cfg.AWS_REGION,
    userPoolId: cfg.USER_POOL_ID,
    endpoint: cfg.COGNITO_ENDPOINT ?? `https://cognito-idp.${cfg.AWS_REGION}.amazonaws.com/`,
  };
  return target;
}

let signer: SignatureV4 | undefined;

/** One admin call, `op` named as in the API reference (`AdminAddUserToGroup`); the pool id is added. */
export async function cognitoApi<T = Record<string, unknown>>(
  op: string,
  body: Record<string, unknown>,
  to: PoolTarget = poolTarget(),
): Promise<T> {
  signer ??= new SignatureV4({
    service: 'cognito-idp',
    region: to.region,
    credentials: fromEnv(),
    sha256: Sha256,
  });
  const url = new URL(to.endpoint);
  const payload = JSON.stringify({ UserPoolId: to.userPoolId, ...body });
  const headers = {
    host: url.host,
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': `AWSCognitoIdentityProviderService.${op}`,
  };
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname,
    query: {},
    headers,
    body: payload,
  });
  const res = await fetch(url, {
    method: 'POST',
    headers: signed.headers,
    body: payload,
    signal: AbortSignal.timeout(5_000),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // A non-JSON answer (a proxy's error page): the status says enough.
  }
  if (!res.ok) {
    const name = String(parsed['__type'] ?? res.headers.get('x-amzn-errortype') ?? `Http${res.status}`)
      .split(':')[0]!
      .split('#')
      .pop()!;
    throw new CognitoApiError(
      name,
      String(parsed['message'] ?? parsed['Message'] ?? res.statusText),
      res.status,
    );
  }
  return parsed as T;
}
