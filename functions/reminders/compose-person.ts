import { catalog } from '@parcours/domain/content/catalog';
import { catchUpText } from '@parcours/domain/notifications/catch-up-text';
import { renderEmail } from '@parcours/domain/notifications/render';
import type { Locale } from '@parcours/domain/roles';
import type { NotificationItem } from '@parcours/store/notification-repo';
import { getProfile, type UserProfileItem } from '@parcours/store/profile-repo';
import { getHrSummary } from '@parcours/store/report-summary';
import { catchUpPlan } from '../sessions/catch-up.ts';
import { catchUpUrl, unsubscribeUrl } from '../shared/links.ts';
import { assemble, deliverable, type Prepared } from './message.ts';

/**
 * Messages about a person rather than a session (subject `person`): the newcomer's catch-up plan and the HR
 * monthly summary. Like the session messages, they are re-read and re-validated when they go out.
 */
export async function preparePersonNotification(n: NotificationItem, now: string): Promise<Prepared> {
  switch (n.kind) {
    case 'newcomer-catch-up':
      return prepareCatchUp(n, now);
    case 'hr-monthly-summary':
      return prepareHrSummary(n, now);
    default:
      return { action: 'fail', reason: 'unknown-kind', error: `'${n.kind}' is not a person message` };
  }
}

const firstName = (p: UserProfileItem | undefined) => (p?.displayName ?? '').trim().split(/\s+/)[0] ?? '';
const localeOf = (p: { locale?: string } | undefined): Locale => (p?.locale === 'en' ? 'en' : 'fr');

/** The plan as it stands when the mail goes out: sessions booked or modules completed since are left out. */
async function prepareCatchUp(n: NotificationItem, now: string): Promise<Prepared> {
  const profile = await getProfile(n.recipientId);
  const plan = (await catchUpPlan(n.recipientId, now)).find((p) => p.pathId === n.pathId);
  if (!plan?.newcomer) return { action: 'skip', reason: 'not-a-newcomer' };
  if (plan.missed.length === 0 && !plan.coach) return { action: 'skip', reason: 'nothing-to-catch-up' };
  const checked = await deliverable(n, {
    optedOut: profile?.preferences?.nonEssentialEmails === false,
    email: profile?.email,
  });
  if (!checked.ok) return checked.result;
  const locale = localeOf(profile);
  const c = catalog();
  const vars = {
    firstName: firstName(profile),
    pathTitle: c.paths.find((p) => p.id === plan.pathId)?.title[locale] ?? plan.pathId,
    catchUpList: catchUpText(plan, c, locale),
    catchUpUrl: catchUpUrl(),
    preferencesUrl: unsubscribeUrl(n.recipientId),
  };
  return assemble({
    n,
    template: checked.template,
    rendered: renderEmail(checked.template, locale, vars),
    locale,
    to: { email: checked.email, ...(profile?.displayName ? { name: profile.displayName } : {}) },
    now,
    unsubscribeUrl: vars.preferencesUrl,
  });
}

/**
 * The summary recorded by the reports (figures rendered then, address and language from content/reports.json).
 * Preferences are those of the recipient's account when they have one.
 */
async function prepareHrSummary(n: NotificationItem, now: string): Promise<Prepared> {
  const summary = n.month ? await getHrSummary(n.month, n.recipientId) : undefined;
  if (!summary) return { action: 'skip', reason: 'summary-gone' };
  const accountId = summary.userId ?? summary.recipientId;
  const profile = await getProfile(accountId);
  const checked = await deliverable(n, {
    optedOut: profile?.preferences?.nonEssentialEmails === false,
    email: summary.email,
  });
  if (!checked.ok) return checked.result;
  const locale = summary.locale;
  const vars = { ...summary.vars, preferencesUrl: unsubscribeUrl(accountId) };
  return assemble({
    n,
    template: checked.template,
    rendered: renderEmail(checked.template, locale, vars),
    locale,
    to: { email: checked.email, name: summary.name },
    now,
    unsubscribeUrl: vars.preferencesUrl,
  });
}
