import { sesApi } from '../shared/ses-api.ts';

/**
 * Whether mail works (for `/health`): a cheap read of the account (SES v2 `GetAccount`, allowed by the function's
 * role; the local SES sink answers it with the account the local stack gives it). Any failure — unreachable,
 * throttled, or refused (a role without the permission) — reports mail as down. One attempt: a probe reports.
 */
export async function probeMail(env: NodeJS.ProcessEnv = process.env): Promise<'ok' | 'down'> {
  try {
    await sesApi(
      {
        region: env['AWS_REGION'] ?? 'eu-west-3',
        timeoutMs: 2_000,
        ...(env['SES_ENDPOINT'] ? { endpoint: env['SES_ENDPOINT'] } : {}),
      },
      'GET',
      '/v2/email/account',
    );
    return 'ok';
  } catch {
    return 'down';
  }
}
