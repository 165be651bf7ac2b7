import * as z from 'zod/mini';
import { NOTIFICATION_KINDS } from '../notifications/model.ts';
import '../zod-locale.ts';

/** `GET/PUT /me/preferences`. Essential e-mails (confirmations, cancellations, moves) cannot be turned off. */
export const preferencesBody = z.strictObject({
  /** Reminders and other optional e-mails. */
  nonEssentialEmails: z.boolean(),
});
export const preferencesView = z
  .object({ nonEssentialEmails: z.boolean() })
  .check(z.meta({ id: 'NotificationPreferences' }));

export const profileView = z
  .object({
    userId: z.string(),
    email: z.optional(z.string()),
    /** `identity`: from the sign-in token (verified, always wins); `user`: typed in by the user. */
    emailSource: z.optional(z.enum(['identity', 'user'])),
    displayName: z.optional(z.string()),
    locale: z.enum(['fr', 'en']),
    service: z.optional(z.string()),
    preferences: preferencesView,
  })
  .check(z.meta({ id: 'Profile' }));

export const putProfileBody = z
  .strictObject({
    displayName: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
    /** The language of the e-mails: French first, English on request. */
    locale: z.optional(z.enum(['fr', 'en'])),
    /** Only when the sign-in token carries no e-mail (an identity-provider address is never overridden). */
    email: z.optional(z.email().check(z.maxLength(254))),
  })
  .check(z.refine((b) => Object.keys(b).length > 0, { message: 'nothing to update' }));

/** The one-click unsubscribe link's query (the token is HMAC-signed: see notifications/links.ts). */
export const unsubscribeQuery = z.strictObject({
  token: z.string().check(z.minLength(1), z.maxLength(1024)),
});
export const unsubscribeResult = z
  .object({
    preferences: preferencesView,
    message: z.string(),
  })
  .check(z.meta({ id: 'UnsubscribeResult' }));

export const failedListQuery = z.strictObject({
  // `z.int()` as a check, not as the base schema: the base must stay `z.coerce.number()` (query strings are text).
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(200))),
  cursor: z.optional(z.string().check(z.maxLength(512), z.regex(/^[A-Za-z0-9_-]+$/))),
});

export const failedNotificationView = z
  .object({
    id: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    recipientId: z.string(),
    recipientRole: z.enum(['learner', 'trainer']),
    sessionId: z.string(),
    enrolmentId: z.optional(z.string()),
    /** `no-address`, `suppressed`, `rejected`, `max-attempts`, `template-error`, `no-template`. */
    failureReason: z.string(),
    lastError: z.optional(z.string()),
    attempts: z.number(),
    dueAt: z.string(),
    failedAt: z.string(),
    createdAt: z.string(),
    /** Opaque: `POST /notifications/failed/{resendKey}/resend` once the cause is fixed. */
    resendKey: z.string(),
  })
  .check(z.meta({ id: 'FailedNotification' }));
export const resendResult = z.object({ id: z.string(), status: z.literal('pending'), dueAt: z.string() });
export const failedNotificationList = z.object({
  items: z.array(failedNotificationView),
  nextCursor: z.optional(z.string()),
});
