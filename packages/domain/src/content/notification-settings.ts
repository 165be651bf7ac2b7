import * as z from 'zod/mini';
import { FACILITATOR_ROLES } from '../api/sessions-api.ts';
import '../zod-locale.ts';
import { parseContent } from './parse-content.ts';
import { perRevision } from './programme.ts';

/**
 * Settings of the notification pipeline (`content/notifications.json`): reminder offsets, trainer messages,
 * delivery (retries, lease, sharding) and retention. Validated once per process; a bad file fails loudly.
 */

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `"90m"`, `"2h"`, `"2d"` → milliseconds. */
export const durationString = z.pipe(
  z.string().check(z.regex(/^[1-9]\d{0,4}[mhd]$/, 'must be a duration like "30m", "2h" or "2d"')),
  z.transform((s: string) => Number(s.slice(0, -1)) * UNIT_MS[s.slice(-1) as keyof typeof UNIT_MS]),
);

export const notificationSettingsSchema = z.strictObject({
  /** Learner reminders, as offsets before the session start (non-essential: learners may opt out). */
  learnerReminders: z.array(durationString).check(
    z.maxLength(5),
    z.refine((a) => new Set(a).size === a.length, { message: 'duplicate reminder offset' }),
  ),
  /** "Upcoming facilitation" to each facilitator, this long before the start. */
  trainerUpcomingFacilitation: durationString,
  /** "Attendance not yet taken", this long after the end, to facilitators with these roles. */
  trainerAttendancePending: z.strictObject({
    afterEnd: durationString,
    roles: z.array(z.enum(FACILITATOR_ROLES)).check(z.minLength(1)),
  }),
  /** "Your evaluation closes soon", this long before the evaluation window closes (one reminder, non-essential). */
  evaluationReminderBeforeClose: durationString,
  delivery: z.strictObject({
    /** Sending attempts before a notification is marked `failed`. */
    maxAttempts: z.int().check(z.gte(1), z.lte(20)),
    /** Exponential backoff between attempts: base × 2^(attempt-1), capped. */
    backoffBase: durationString,
    backoffMax: durationString,
    /** How long a claim (`sending`) holds before another tick may take the item over. */
    lease: durationString,
    /** Partitions of the due index (write sharding). Changing it strands due items: only ever raise it. */
    shards: z.int().check(z.gte(1), z.lte(64)),
    /** Items read per shard and per Query page. */
    pageSize: z.int().check(z.gte(1), z.lte(100)),
    /** Notifications sent in parallel by one tick. */
    concurrency: z.int().check(z.gte(1), z.lte(16)),
  }),
  /** Time to live of finished notification records (DynamoDB TTL on `expiresAt`). */
  retention: z.strictObject({ sent: durationString, failed: durationString, cancelled: durationString }),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

export const notificationSettings: () => NotificationSettings = perRevision((s) =>
  parseContent(notificationSettingsSchema, s.notifications, 'notifications'),
);
