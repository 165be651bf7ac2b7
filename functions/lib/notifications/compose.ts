import type { FacilitatorRole } from '@parcours/domain/api/sessions-api';
import { catalog } from '@parcours/domain/content/catalog';
import { formatLocal } from '@parcours/domain/lms/time';
import { buildIcs, type IcsMethod } from '@parcours/domain/notifications/ics';
import { buildMime } from '@parcours/domain/notifications/mime';
import { eventUid } from '@parcours/domain/notifications/model';
import { htmlDocument, renderEmail, type TemplateVars } from '@parcours/domain/notifications/render';
import { type CurrentState, staleReason } from '@parcours/domain/notifications/validity';
import type { Locale } from '@parcours/domain/roles';
import {
  type EnrolmentItem,
  getEnrolment,
  getSessionItem,
  type SessionItem,
  waitlistPosition,
} from '@parcours/store';
import {
  isAddressSuppressed,
  listSubjectNotifications,
  type NotificationItem,
} from '@parcours/store/notification-repo';
import { getProfile, type UserProfileItem } from '@parcours/store/profile-repo';
import { attendanceUrl, unsubscribeUrl } from './links.ts';
import { sesConfig } from './ses.ts';

export type Prepared =
  | { action: 'skip'; reason: string }
  | { action: 'fail'; reason: string; error?: string }
  | { action: 'send'; to: string; raw: string; subject: string };

const ROLE_LABELS: Record<FacilitatorRole, Record<Locale, string>> = {
  lead: { fr: 'animation principale', en: 'lead facilitator' },
  'co-facilitator': { fr: 'co-animation', en: 'co-facilitator' },
  shadow: { fr: 'animation en binôme (apprentissage)', en: 'shadow facilitator (learning)' },
  observer: { fr: 'observation', en: 'observer' },
};

const NO_PATH: Record<Locale, string> = { fr: 'hors parcours', en: 'no path' };

function firstName(profile: UserProfileItem): string {
  return (profile.displayName ?? '').trim().split(/\s+/)[0] ?? '';
}

/** Template variables from the current state, in the recipient's language (times in Europe/Paris). */
export function templateVars(input: {
  n: NotificationItem;
  session: SessionItem;
  enrolment?: EnrolmentItem;
  profile: UserProfileItem;
  locale: Locale;
  position?: number;
}): TemplateVars {
  const { n, session, enrolment, profile, locale } = input;
  const c = catalog();
  const module = c.modules.find((m) => m.id === session.moduleId);
  const pathId = enrolment?.pathId ?? session.pathId;
  const path = pathId ? c.paths.find((p) => p.id === pathId) : undefined;
  const site = c.sites.find((s) => s.id === session.siteId);
  const room = site?.rooms.find((r) => r.id === session.roomId);
  const role = session.facilitators.find((f) => f.trainerId === n.recipientId)?.role ?? n.trainerRole;
  return {
    firstName: firstName(profile),
    moduleTitle: module?.title[locale] ?? session.moduleId,
    pathTitle: path?.title[locale] ?? NO_PATH[locale],
    sessionStart: formatLocal(session.start, locale),
    sessionEnd: formatLocal(session.end, locale),
    siteName: site?.name ?? session.siteId,
    roomName: room?.name ?? session.roomId,
    previousStart: n.previousStart ? formatLocal(n.previousStart, locale) : '',
    waitlistPosition: input.position ?? '',
    role: role ? ROLE_LABELS[role][locale] : '',
    attendanceUrl: attendanceUrl(session.id),
    preferencesUrl: unsubscribeUrl(n.recipientId),
  };
}

/**
 * A CANCEL goes only to whoever may hold the event: someone an invitation (REQUEST) went out to, or is going out
 * to right now. Anyone else gets the cancellation e-mail without a calendar part.
 */
async function inviteWentOut(n: NotificationItem): Promise<boolean> {
  const all = await listSubjectNotifications(n.subject);
  return all.some(
    (x) => x.id !== n.id && x.ics === 'REQUEST' && (x.status === 'sent' || x.status === 'sending'),
  );
}

/**
 * Turns a claimed notification into the exact message to send, after re-validating it against the current state.
 * Nothing stale goes out: a cancelled enrolment, a moved or cancelled session, an opted-out optional e-mail are
 * `skip`; a recipient without an address is `fail` (listed for the lab, never silently dropped).
 */
export async function prepareNotification(n: NotificationItem, now: string): Promise<Prepared> {
  const [session, enrolment, profile] = await Promise.all([
    getSessionItem(n.sessionId),
    n.recipientRole === 'learner' ? getEnrolment(n.sessionId, n.recipientId) : Promise.resolve(undefined),
    getProfile(n.recipientId),
  ]);
  const state: CurrentState = {
    ...(session
      ? {
          session: {
            status: session.status,
            start: session.start,
            end: session.end,
            facilitators: session.facilitators,
            ...(typeof (session as { attendanceTakenAt?: unknown }).attendanceTakenAt === 'string'
              ? { attendanceTakenAt: (session as { attendanceTakenAt?: string }).attendanceTakenAt }
              : {}),
          },
        }
      : {}),
    ...(enrolment ? { enrolment: { id: enrolment.id, status: enrolment.status } } : {}),
  };
  const stale = staleReason(n, state, now);
  if (stale) return { action: 'skip', reason: stale };
  if (!session) return { action: 'skip', reason: 'session-gone' };

  const template = catalog().emails.find((t) => t.id === n.kind);
  if (!template)
    return { action: 'fail', reason: 'no-template', error: `no template '${n.kind}' in content/emails.json` };
  if (!template.essential && profile?.preferences?.nonEssentialEmails === false) {
    return { action: 'skip', reason: 'opted-out' };
  }
  if (!profile?.email)
    return { action: 'fail', reason: 'no-address', error: `user '${n.recipientId}' has no e-mail address` };
  if (await isAddressSuppressed(profile.email)) return { action: 'fail', reason: 'suppressed' };

  const locale: Locale = profile.locale === 'en' ? 'en' : 'fr';
  const sameEnrolment = enrolment && enrolment.id === n.enrolmentId ? enrolment : undefined;
  const position =
    n.kind === 'enrolment-waitlisted' && sameEnrolment
      ? await waitlistPosition(n.sessionId, sameEnrolment.ticket)
      : undefined;
  const vars = templateVars({
    n,
    session,
    ...(sameEnrolment ? { enrolment: sameEnrolment } : {}),
    profile,
    locale,
    ...(position !== undefined ? { position } : {}),
  });
  const rendered = renderEmail(template, locale, vars);

  let method: IcsMethod | undefined = n.ics;
  if (method === 'CANCEL' && !(await inviteWentOut(n))) method = undefined;
  const cfg = sesConfig();
  const from = { email: cfg.SES_FROM, name: cfg.SES_FROM_NAME };
  const to = { email: profile.email, ...(profile.displayName ? { name: profile.displayName } : {}) };
  const calendar =
    method && n.enrolmentId
      ? {
          method,
          content: buildIcs({
            method,
            uid: eventUid(n.enrolmentId),
            // The session's version grows with every change of the session; a cancellation of the enrolment is
            // one more revision on top of the session's current one.
            sequence: session.version + (method === 'CANCEL' ? 1 : 0),
            start: session.start,
            end: session.end,
            stamp: now,
            summary: String(vars['moduleTitle']),
            location: `${vars['siteName']}, ${vars['roomName']}`,
            description: `${vars['moduleTitle']} — ${vars['pathTitle']}`,
            organizer: from,
            attendee: to,
          }),
        }
      : undefined;
  const unsubscribe = String(vars['preferencesUrl']);
  const raw = buildMime({
    from,
    to,
    subject: rendered.subject,
    text: rendered.text,
    html: htmlDocument(rendered.html, locale, rendered.subject),
    ...(calendar ? { calendar } : {}),
    date: new Date(now),
    messageId: `${n.id}.${n.attempts}@${cfg.SES_FROM.split('@')[1] ?? 'parcours.local'}`,
    headers: {
      'X-Parcours-Notification': `${n.kind}; id=${n.id}`,
      ...(template.essential
        ? {}
        : { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }),
    },
  });
  return { action: 'send', to: profile.email, raw, subject: rendered.subject };
}
