import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import '@parcours/domain/zod-locale';
import * as z from 'zod/mini';

/**
 * SES configuration of the sending function, parsed once at cold start: a missing or malformed sender is a
 * deployment bug and fails the function's init loudly instead of failing every message later. Locally,
 * `SES_ENDPOINT` points at the SES sink (packages/local/src/local-env.ts); on AWS it is absent and the regional
 * endpoint is used.
 */
const envSchema = z.object({
  AWS_REGION: z._default(z.string().check(z.minLength(1, 'AWS_REGION must be set')), 'eu-west-3'),
  SES_FROM: z.email('SES_FROM must be the sender address (a verified SES identity)'),
  SES_FROM_NAME: z._default(z.string().check(z.minLength(1), z.maxLength(100)), 'Parcours'),
  SES_ENDPOINT: z.optional(z.url()),
  /** Optional SES configuration set (event destinations for bounces/complaints, see docs/notifications.md). */
  SES_CONFIGURATION_SET: z.optional(z.string().check(z.minLength(1))),
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
