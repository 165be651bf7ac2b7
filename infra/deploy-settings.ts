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
  /**
   * The first lab administrator: the seed function invites this address as a native pool account (ADMIN_EMAIL).
   * Optional in synth; without it nobody is invited and the first administrator is created by hand.
   */
  readonly adminEmail?: string;
  /**
   * Prefix of the Cognito hosted-UI domain (`https://<prefix>.auth.<region>.amazoncognito.com`). The hosted UI is
   * always on (it is the web app's only sign-in on AWS); without this setting the stack derives a prefix unique to
   * it at deploy time (infra/constructs/user-pool.ts).
   */
  readonly authDomainPrefix?: string;
  /** Sign-in of State agents through ProConnect, federated by the user pool; absent: native accounts only. */
  readonly proConnect?: ProConnectSettings;
}

export interface ProConnectSettings {
  /** OIDC issuer (discovery at `<issuer>/.well-known/openid-configuration`), without a trailing slash. */
  readonly issuer: string;
  /** The pool's client id at ProConnect (public). */
  readonly clientId: string;
  /**
   * Name or ARN of the Secrets Manager secret whose whole SecretString is the ProConnect client secret. The template
   * only references it (a `{{resolve:secretsmanager:…}}` dynamic reference): the value never enters the repository,
   * the synthesized template or CloudFormation's stored template.
   */
  readonly secretId: string;
  /** ProConnect's end_session_endpoint, for the web app's sign-out; defaults to `<issuer>/session/end`. */
  readonly endSessionUrl: string;
}

export const DEFAULT_REGION = 'eu-west-3';
const DEFAULT_SES_FROM = 'parcours@formation.example.gouv.fr';
/** The local web front end; real origins come from context. */
const DEFAULT_CORS_ORIGINS = ['http://localhost:3000'];

const EMAIL = /^[^@\s]+@([^@\s]+\.[^@\s]+)$/;

/**
 * ProConnect issuers on the Internet network, from ProConnect's service-provider documentation
 * (github.com/numerique-gouv/proconnect-documentation, resources/valeur_ac_domain.md: `https://<domain>/api/v2`).
 * `-c proConnectIssuer=integration` or `=production` picks one; any other https URL is taken as is. The RIE-network
 * domains are not offered: Cognito calls ProConnect's token and userinfo endpoints from the Internet.
 */
export const PROCONNECT_ISSUERS = {
  integration: 'https://fca.integ01.dev-agentconnect.fr/api/v2',
  production: 'https://auth.agentconnect.gouv.fr/api/v2',
} as const;

/** The context keys that together turn ProConnect on: all of them, or none (a half-configured federation is an error). */
const PROCONNECT_KEYS = ['proConnectIssuer', 'proConnectClientId', 'proConnectSecret'] as const;

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
    ...signInSettings(node),
  };
}

/** adminEmail, authDomainPrefix and the ProConnect keys. */
function signInSettings(node: Node): Pick<DeploySettings, 'adminEmail' | 'authDomainPrefix' | 'proConnect'> {
  const adminEmail = stringContext(node, 'adminEmail');
  if (adminEmail !== undefined && !EMAIL.test(adminEmail))
    throw new Error(`Context 'adminEmail' is not an email address: ${adminEmail}`);
  const authDomainPrefix = stringContext(node, 'authDomainPrefix');
  if (authDomainPrefix !== undefined) checkDomainPrefix(authDomainPrefix);
  const proConnect = proConnectSettings(node);
  return {
    ...(adminEmail ? { adminEmail } : {}),
    ...(authDomainPrefix ? { authDomainPrefix } : {}),
    ...(proConnect ? { proConnect } : {}),
  };
}

/** Cognito's rules for a prefix domain: lowercase letters, digits and inner hyphens, and no reserved word. */
function checkDomainPrefix(prefix: string): void {
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(prefix))
    throw new Error(
      `Context 'authDomainPrefix' must be 1-63 lowercase letters, digits or inner hyphens: ${prefix}`,
    );
  const reserved = ['aws', 'amazon', 'cognito'].find((word) => prefix.includes(word));
  if (reserved) throw new Error(`Context 'authDomainPrefix' may not contain '${reserved}': ${prefix}`);
}

function proConnectSettings(node: Node): ProConnectSettings | undefined {
  const given = PROCONNECT_KEYS.filter((key) => stringContext(node, key) !== undefined);
  const endSession = stringContext(node, 'proConnectEndSessionUrl');
  if (given.length === 0) {
    if (endSession !== undefined)
      throw new Error(
        `Context 'proConnectEndSessionUrl' needs ProConnect: give ${PROCONNECT_KEYS.join(', ')}`,
      );
    return undefined;
  }
  const missing = PROCONNECT_KEYS.filter((key) => !given.includes(key));
  if (missing.length > 0)
    throw new Error(`ProConnect is half configured: give ${missing.join(', ')} too (or none of its keys)`);
  const issuer = httpsUrl('proConnectIssuer', issuerOf(stringContext(node, 'proConnectIssuer') ?? ''));
  const clientId = stringContext(node, 'proConnectClientId') ?? '';
  if (!/^[\x21-\x7e]+$/.test(clientId))
    throw new Error(`Context 'proConnectClientId' must be printable ASCII without spaces: ${clientId}`);
  const secretId = stringContext(node, 'proConnectSecret') ?? '';
  checkSecretId(secretId);
  return {
    issuer,
    clientId,
    secretId,
    endSessionUrl: endSession ? httpsUrl('proConnectEndSessionUrl', endSession) : `${issuer}/session/end`,
  };
}

function issuerOf(value: string): string {
  return Object.hasOwn(PROCONNECT_ISSUERS, value)
    ? PROCONNECT_ISSUERS[value as keyof typeof PROCONNECT_ISSUERS]
    : value;
}

/** An https URL without its trailing slash (issuers compare as strings: ProConnect's `iss` has none). */
function httpsUrl(key: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`Context '${key}' must be an https URL: ${value}`);
  }
  if (url.protocol !== 'https:' || url.search || url.hash)
    throw new Error(`Context '${key}' must be an https URL without query or fragment: ${value}`);
  return value.replace(/\/+$/, '');
}

/**
 * A secret's name or full ARN, never the secret itself: whatever is given here is written into the template (inside
 * the dynamic reference). Secrets Manager's name characters only; and a long run of hex digits alone — the shape of
 * a client secret, not of a name someone chose — is refused, so the likeliest paste mistake fails the synth.
 */
function checkSecretId(secretId: string): void {
  const name = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
  const arn = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+$/;
  if (!name.test(secretId) && !arn.test(secretId))
    throw new Error("Context 'proConnectSecret' must be the NAME or ARN of a Secrets Manager secret");
  if (/^[0-9a-fA-F]{32,}$/.test(secretId))
    throw new Error(
      "Context 'proConnectSecret' looks like a secret value: give the NAME or ARN of the Secrets Manager secret",
    );
}
