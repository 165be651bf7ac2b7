import type { HrSummaryItem } from '@parcours/store/report-summary';

/**
 * Hand-off of the monthly HR summary to the notifications path (owned by the notifications feature).
 *
 * The summary is recorded first (`report-summary#<yyyy-mm>` / `to#<recipientId>`, entity `report-hr-summary`,
 * status `pending`: see packages/store/src/report-summary.ts), once per month and recipient, with the
 * `hr-monthly-summary` template's variables already rendered (`firstName`, `summaryPeriod`, `summaryText`).
 * The notification records of the tick (docs/notifications.md) are about an enrolment or a session's trainers and
 * re-validated against a session at send time, so an HR summary cannot be one of them as they stand. To deliver
 * it, the notifications feature plugs in here, e.g.:
 *   - a subject `{ type: 'hr-summary', month, recipientId }` and kind `hr-monthly-summary` in its model, a draft
 *     with `id = notificationId('hr-summary', month, recipientId)` written by `createNotification` (conditional,
 *     so a replay creates nothing), no session re-validation for that kind, and `preferencesUrl` signed for
 *     `userId` when the recipient has an account;
 *   - the recipient's address is `item.email` (configured in content/reports.json), not a profile.
 * Until then this is a no-op and the summaries wait, listed by month (`listHrSummaries`), for delivery.
 */
export async function onHrSummaryCreated(_item: HrSummaryItem): Promise<void> {
  // Intentionally empty until the notifications path accepts HR summaries (see above).
}
