import type { NativeAttributeValue } from '@aws-sdk/lib-dynamodb';

/**
 * Extension point for the evaluation issue: called by the notifications projection when a session becomes
 * `completed` (attendance taken). The evaluation feature plans its "evaluation open" (due right away) and
 * "evaluation closes soon" notifications here, with the same records and tick: build drafts with
 * `notificationId('enrolment', enrolmentId, 'evaluation-open', …)` for each attended enrolment and write them with
 * `createNotification`; add the kinds to NOTIFICATION_KINDS and their checks to `staleReason`.
 */
export async function onSessionCompleted(_session: Record<string, NativeAttributeValue>): Promise<void> {
  // Intentionally empty until the evaluation issue lands.
}
