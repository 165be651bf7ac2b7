import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../notifications/model.ts';

/** `GET/PUT /me/preferences`. Essential e-mails (confirmations, cancellations, moves) cannot be turned off. */
export const preferencesBody = z.strictObject({
  /** Reminders and other optional e-mails. */
  nonEssentialEmails: z.boolean(),
});
export const preferencesView = z
  .object({ nonEssentialEmails: z.boolean() })
  .meta({ id: 'NotificationPreferences' });

export const profileView = z
  .object({
    userId: z.string(),
    email: z.string().optional(),
    /** `identity`: from the sign-in token (verified, always wins); `user`: typed in by the user. */
    emailSource: z.enum(['identity', 'user']).optional(),
    displayName: z.string().optional(),
    locale: z.enum(['fr', 'en']),
    service: z.string().optional(),
    preferences: preferencesView,
  })
  .meta({ id: 'Profile' });

export const putProfileBody = z
  .strictObject({
    displayName: z.string().trim().min(1).max(100).optional(),
    /** The language of the e-mails: French first, English on request. */
    locale: z.enum(['fr', 'en']).optional(),
    /** Only when the sign-in token carries no e-mail (an identity-provider address is never overridden). */
    email: z.email().max(254).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to update' });

/** The one-click unsubscribe link's query (the token is HMAC-signed: see notifications/links.ts). */
export const unsubscribeQuery = z.strictObject({ token: z.string().min(1).max(1024) });
export const unsubscribeResult = z
  .object({
    preferences: preferencesView,
    message: z.string(),
  })
  .meta({ id: 'UnsubscribeResult' });

export const failedListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z
    .string()
    .max(512)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
});

export const failedNotificationView = z
  .object({
    id: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    recipientId: z.string(),
    recipientRole: z.enum(['learner', 'trainer']),
    sessionId: z.string(),
    enrolmentId: z.string().optional(),
    /** `no-address`, `suppressed`, `rejected`, `max-attempts`, `template-error`, `no-template`. */
    failureReason: z.string(),
    lastError: z.string().optional(),
    attempts: z.number(),
    dueAt: z.string(),
    failedAt: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'FailedNotification' });
export const failedNotificationList = z.object({
  items: z.array(failedNotificationView),
  nextCursor: z.string().optional(),
});
