/**
 * The few user pool admin calls Parcours makes (mirroring the roles the lab grants into groups and attributes,
 * inviting the first administrator), as SigV4-signed JSON requests — the SDK's Cognito client would carry every
 * operation's schema for a handful of calls (same reasoning as ses-api.ts). Errors come back named as the SDK names
 * them (`UserNotFoundException`…). Locally `COGNITO_ENDPOINT` points at cognito-local (packages/local), which takes
 * the same requests.
 */
import * as z from 'zod/mini';
import { signedJsonCall } from './signed-call.ts';

/** An error the pool answered, named as the SDK names it (`UserNotFoundException`…). */
export { AwsApiError as CognitoApiError } from './signed-call.ts';

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

/** One admin call, `op` named as in the API reference (`AdminAddUserToGroup`); the pool id is added. */
export async function cognitoApi<T = Record<string, unknown>>(
  op: string,
  body: Record<string, unknown>,
  to: PoolTarget = poolTarget(),
): Promise<T> {
  return signedJsonCall<T>({
    service: 'cognito-idp',
    region: to.region,
    url: new URL(to.endpoint),
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${op}`,
    },
    body: JSON.stringify({ UserPoolId: to.userPoolId, ...body }),
    timeoutMs: 5_000,
  });
}
