import '@parcours/domain/zod-locale';
import * as z from 'zod/mini';
import { SesApiError, type SesTarget, sesApi } from '../shared/ses-api.ts';

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

function target(): SesTarget {
  const cfg = sesConfig();
  return {
    region: cfg.AWS_REGION,
    timeoutMs: 10_000,
    ...(cfg.SES_ENDPOINT ? { endpoint: cfg.SES_ENDPOINT } : {}),
  };
}

/**
 * One retry, after a short jittered pause, of what SES may answer differently next time (5xx, throttling, the
 * network); the rest is final. Longer outages are the notification's own backoff (the next ticks).
 */
async function withOneRetry<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (!classifySendError(e).outage) throw e;
    await new Promise((r) => setTimeout(r, 200 + Math.random() * 300));
    return call();
  }
}

/**
 * Sends one raw MIME message (SES v2 `SendEmail`, raw content, as the configured sender: the role may send as no
 * one else); resolves with SES's MessageId only when SES accepted it.
 */
export async function sendRawEmail(raw: string, destination: string): Promise<string> {
  const cfg = sesConfig();
  const r = await withOneRetry(() =>
    sesApi<{ MessageId?: string }>(target(), 'POST', '/v2/email/outbound-emails', {
      FromEmailAddress: cfg.SES_FROM,
      Destination: { ToAddresses: [destination] },
      Content: { Raw: { Data: Buffer.from(raw, 'utf8').toString('base64') } },
      ...(cfg.SES_CONFIGURATION_SET ? { ConfigurationSetName: cfg.SES_CONFIGURATION_SET } : {}),
    }),
  );
  if (!r.MessageId) throw new SesApiError('MissingMessageId', 'SES returned no MessageId', 502);
  return r.MessageId;
}

export type SendFailure = { permanent: boolean; outage: boolean; message: string };

/**
 * SES v2 errors the message (or a setting no retry will fix) causes: retrying the same message cannot help.
 * `BadRequestException` is an invalid parameter; `NotFoundException` a configuration set that does not exist.
 */
const PERMANENT = new Set([
  'MessageRejected',
  'BadRequestException',
  'NotFoundException',
  'MailFromDomainNotVerifiedException',
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
  // Account-wide conditions (sending paused or suspended, a quota reached) are not the message's fault either: stop
  // the tick and try again later rather than wear every message's attempts out.
  const throttled =
    /Throttl|TooManyRequests|SendingPaused|ServiceUnavailable|AccountSuspended|LimitExceeded/i.test(name);
  const outage = status === undefined || status >= 500 || throttled;
  return { permanent: false, outage, message };
}
