import { get, putIfAbsent } from './gateway.ts';
import { keys } from './keys.ts';

/**
 * The monthly HR summary, one item per (month, recipient): the message as rendered variables of the
 * `hr-monthly-summary` template, waiting for the notifications path to deliver it (docs/reports.md, "Monthly
 * summary"). Created once per month and recipient (conditional Put): a re-run of the schedule adds nothing.
 */
export interface HrSummaryItem {
  pk: string;
  sk: string;
  entity: 'report-hr-summary';
  month: string;
  recipientId: string;
  /** The recipient's account, when they have one (preferences, unsubscribe link). */
  userId?: string;
  email: string;
  name: string;
  locale: 'fr' | 'en';
  services: string[];
  /** Template id in content/emails.json. */
  template: 'hr-monthly-summary';
  /** Variables for the template, except `preferencesUrl` (the notifications path signs it per recipient). */
  vars: { firstName: string; summaryPeriod: string; summaryText: string };
  /** Always `pending`: its delivery is the `hr-monthly-summary` notification record (docs/notifications.md). */
  status: 'pending';
  createdAt: string;
}

export function createHrSummary(item: HrSummaryItem): Promise<boolean> {
  return putIfAbsent(item);
}

export function getHrSummary(month: string, recipientId: string): Promise<HrSummaryItem | undefined> {
  return get<HrSummaryItem>({ Key: keys.report.summary(month, recipientId), ConsistentRead: true });
}
