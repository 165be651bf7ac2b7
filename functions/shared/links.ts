import { signLinkToken } from '@parcours/domain/notifications/links';
import '@parcours/domain/zod-locale';
import * as z from 'zod/mini';

/**
 * Signing secret and public base URL for links in e-mails. Parsed once at cold start, failing loudly. The CDK stack
 * must provide `LINK_SIGNING_SECRET` (a generated secret, e.g. from Secrets Manager) to the sending function and to
 * the unsubscribe routes; locally packages/local/src/local-env.ts sets one.
 */
const envSchema = z.object({
  LINK_SIGNING_SECRET: z
    .string()
    .check(z.minLength(32, 'LINK_SIGNING_SECRET must be set (at least 32 characters)')),
  PUBLIC_URL: z.url('PUBLIC_URL must be the public base URL of the API'),
});
export type LinkConfig = z.infer<typeof envSchema>;

let cached: LinkConfig | undefined;

export function linkConfig(env: NodeJS.ProcessEnv = process.env): LinkConfig {
  if (!cached) {
    const parsed = envSchema.safeParse(env);
    if (!parsed.success) {
      throw new Error(`Invalid link configuration: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    }
    cached = parsed.data;
  }
  return cached;
}

function base(): string {
  return linkConfig().PUBLIC_URL.replace(/\/+$/, '');
}

/** The one-click link turning optional e-mails off for `userId` (GET shows it in a browser; POST is RFC 8058). */
export function unsubscribeUrl(userId: string): string {
  const token = signLinkToken(userId, 'unsubscribe', linkConfig().LINK_SIGNING_SECRET);
  return `${base()}/preferences/unsubscribe?token=${encodeURIComponent(token)}`;
}

export function attendanceUrl(sessionId: string): string {
  return `${base()}/sessions/${encodeURIComponent(sessionId)}/attendance`;
}

/**
 * The web app (served under `/app` next to the API locally; on AWS set PUBLIC_URL to the domain that serves both,
 * see docs/notifications.md).
 */
function appUrl(path: string): string {
  return `${base()}/app${path}`;
}

/** The learner's page, at its evaluations section (the form for each session waiting for an answer). */
export function evaluationUrl(): string {
  return appUrl('/apprenant#evaluations-heading');
}

/** The learner's page, where suggested and catch-up sessions are booked. */
export function catchUpUrl(): string {
  return appUrl('/apprenant');
}
