import { GetAccountCommand, SESv2Client } from '@aws-sdk/client-sesv2';

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
