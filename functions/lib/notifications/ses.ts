import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { GetAccountCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { z } from 'zod';

/**
 * SES configuration of the sending function, parsed once at cold start: a missing or malformed sender is a
 * deployment bug and fails the function's init loudly instead of failing every message later. Locally,
 * `SES_ENDPOINT` points at the SES sink (packages/local/src/local-env.ts); on AWS it is absent and the regional
 * endpoint is used.
 */
const envSchema = z.object({
  AWS_REGION: z.string().min(1, 'AWS_REGION must be set').default('eu-west-3'),
  SES_FROM: z.email('SES_FROM must be the sender address (a verified SES identity)'),
  SES_FROM_NAME: z.string().min(1).max(100).default('Parcours'),
  SES_ENDPOINT: z.url().optional(),
  /** Optional SES configuration set (event destinations for bounces/complaints, see docs/notifications.md). */
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
});
export type SesConfig = z.infer<typeof envSchema>;

let cachedConfig: SesConfig | undefined;
let client: SESClient | undefined;

export function sesConfig(env: NodeJS.ProcessEnv = process.env): SesConfig {
  if (!cachedConfig) {
    const parsed = envSchema.safeParse(env);
    if (!parsed.success) {
      throw new Error(`Invalid SES configuration: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    }
    cachedConfig = parsed.data;
  }
  return cachedConfig;
}

function sesClient(): SESClient {
  if (!client) {
    const cfg = sesConfig();
    client = new SESClient({
      region: cfg.AWS_REGION,
      ...(cfg.SES_ENDPOINT ? { endpoint: cfg.SES_ENDPOINT } : {}),
      // One quick retry inside the SDK; the notification's own backoff handles longer outages.
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 2_000, requestTimeout: 10_000 },
    });
  }
  return client;
}

/** Sends one raw MIME message; resolves with SES's MessageId only when SES accepted it. */
export async function sendRawEmail(raw: string, destination: string): Promise<string> {
  const cfg = sesConfig();
  const r = await sesClient().send(
    new SendRawEmailCommand({
      RawMessage: { Data: Buffer.from(raw, 'utf8') },
      Source: cfg.SES_FROM,
      Destinations: [destination],
      ...(cfg.SES_CONFIGURATION_SET ? { ConfigurationSetName: cfg.SES_CONFIGURATION_SET } : {}),
    }),
  );
  if (!r.MessageId) throw new Error('SES returned no MessageId');
  return r.MessageId;
}

export type SendFailure = { permanent: boolean; outage: boolean; message: string };

/** SES errors the message itself causes: retrying the same message cannot help. */
const PERMANENT = new Set([
  'MessageRejected',
  'InvalidParameterValue',
  'MailFromDomainNotVerifiedException',
  'ConfigurationSetDoesNotExistException',
  'ConfigurationSetSendingPausedException',
]);

/**
 * Classifies a send error. No HTTP status (connection refused, timeout) or a 5xx / throttling is SES being
 * unreachable or unwell: retry later, and stop this tick (an outage is not the messages' fault).
 */
export function classifySendError(e: unknown): SendFailure {
  const err = e as {
    name?: string;
    message?: string;
    code?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const name = err?.name ?? 'Error';
  const status = err?.$metadata?.httpStatusCode;
  const message = `${name}${err?.code ? ` (${err.code})` : ''}: ${err?.message ?? String(e)}`;
  if (PERMANENT.has(name)) return { permanent: true, outage: false, message };
  const throttled = /Throttl|TooManyRequests|SendingPaused|ServiceUnavailable/i.test(name);
  const outage = status === undefined || status >= 500 || throttled;
  return { permanent: false, outage, message };
}

let probeClient: SESv2Client | undefined;

/**
 * Whether mail works (for `/health`): a cheap read of the account (SESv2 `GetAccount`, allowed by the function's
 * role; the local SES sink answers it with the account the local stack gives it). Any failure — unreachable,
 * throttled, or refused (a role without the permission) — reports mail as down.
 */
export async function probeMail(env: NodeJS.ProcessEnv = process.env): Promise<'ok' | 'down'> {
  probeClient ??= new SESv2Client({
    region: env['AWS_REGION'] ?? 'eu-west-3',
    ...(env['SES_ENDPOINT'] ? { endpoint: env['SES_ENDPOINT'] } : {}),
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000 },
  });
  try {
    await probeClient.send(new GetAccountCommand({}));
    return 'ok';
  } catch {
    return 'down';
  }
}
