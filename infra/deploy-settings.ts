/**
 * Deployment settings read from CDK context (`-c key=value` or cdk.json), validated once so a typo fails the synth
 * instead of a deployed function.
 */
import type { Node } from 'constructs';

export interface DeploySettings {
  readonly region: string;
  /** The From address of every email the functions send (SES_FROM). */
  readonly sesFromAddress: string;
  /**
   * The verified SES identity the From address belongs to: the only resource SES permissions cover. Either a full
   * ARN (`sesIdentityArn`, e.g. an identity shared from another account) or a name in this account and region.
   */
  readonly sesIdentity: { readonly arn: string } | { readonly name: string };
  /** Optional SES configuration set (bounce/complaint event destinations) the senders must name. */
  readonly sesConfigurationSet?: string;
  /** PUBLIC_URL for the functions; when absent the HTTP API's own endpoint is used. */
  readonly publicUrl?: string;
  readonly corsAllowOrigins: readonly string[];
}

export const DEFAULT_REGION = 'eu-west-3';
const DEFAULT_SES_FROM = 'parcours@formation.example.gouv.fr';
/** The local web front end; real origins come from context. */
const DEFAULT_CORS_ORIGINS = ['http://localhost:3000'];

const EMAIL = /^[^@\s]+@([^@\s]+\.[^@\s]+)$/;

function stringContext(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Context '${key}' must be a string`);
  return value;
}

/** Lists come as JSON arrays from cdk.json and as comma-separated strings from `-c`. */
function listContext(node: Node, key: string): string[] | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  if (typeof value === 'string')
    return value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  throw new Error(`Context '${key}' must be a list of strings`);
}

/**
 * SES identity: `sesIdentityArn` wins; else `sesIdentity` (a verified domain or address); else the domain of
 * `sesFromAddress`.
 */
export function readDeploySettings(node: Node): DeploySettings {
  const region = stringContext(node, 'region') ?? DEFAULT_REGION;
  const sesFromAddress = stringContext(node, 'sesFromAddress') ?? DEFAULT_SES_FROM;
  const domain = EMAIL.exec(sesFromAddress)?.[1];
  if (!domain) throw new Error(`Context 'sesFromAddress' is not an email address: ${sesFromAddress}`);
  const identityArn = stringContext(node, 'sesIdentityArn');
  if (
    identityArn !== undefined &&
    !/^arn:aws[a-z-]*:ses:[a-z0-9-]+:\d{12}:identity\/[^*]+$/.test(identityArn)
  )
    throw new Error(`Context 'sesIdentityArn' must name one SES identity (no wildcard): ${identityArn}`);
  const sesIdentity = identityArn
    ? { arn: identityArn }
    : { name: stringContext(node, 'sesIdentity') ?? domain };
  const sesConfigurationSet = stringContext(node, 'sesConfigurationSet');
  const publicUrl = stringContext(node, 'publicUrl');
  if (publicUrl !== undefined && !/^https?:\/\/[^/]+/.test(publicUrl))
    throw new Error(`Context 'publicUrl' must be an absolute URL: ${publicUrl}`);
  return {
    region,
    sesFromAddress,
    sesIdentity,
    ...(sesConfigurationSet ? { sesConfigurationSet } : {}),
    ...(publicUrl ? { publicUrl: publicUrl.replace(/\/$/, '') } : {}),
    corsAllowOrigins: listContext(node, 'corsAllowOrigins') ?? DEFAULT_CORS_ORIGINS,
  };
}
