import type { FacilitatorRole } from '@parcours/domain/api/sessions-api';
import { catalog } from '@parcours/domain/content/catalog';
import { questionnaire } from '@parcours/domain/content/transfer-content';
import { evaluationWindow } from '@parcours/domain/evaluations/window';
import { formatLocal } from '@parcours/domain/lms/time';
import { buildIcs, type IcsMethod } from '@parcours/domain/notifications/ics';
import { eventUid } from '@parcours/domain/notifications/model';
import { renderEmail, type TemplateVars } from '@parcours/domain/notifications/render';
import { type CurrentState, staleReason } from '@parcours/domain/notifications/validity';
import type { Locale } from '@parcours/domain/roles';
import {
  type EnrolmentItem,
  getEnrolment,
  getSessionItem,
  type SessionItem,
  waitlistPosition,
} from '@parcours/store';
import { getEvaluationLink, getEvaluationWindow } from '@parcours/store/evaluation-repo';
import { listSubjectNotifications, type NotificationItem } from '@parcours/store/notification-repo';
import { getProfile, type UserProfileItem } from '@parcours/store/profile-repo';
import { attendanceUrl, evaluationUrl, unsubscribeUrl } from '../shared/links.ts';
import { preparePersonNotification } from './compose-person.ts';
import { assemble, deliverable, type Prepared, sender } from './message.ts';

export type { Prepared };

const ROLE_LABELS: Record<FacilitatorRole, Record<Locale, string>> = {
  lead: { fr: 'animation principale', en: 'lead facilitator' },
  'co-facilitator': { fr: 'co-animation', en: 'co-facilitator' },
  shadow: { fr: 'animation en binôme (apprentissage)', en: 'shadow facilitator (learning)' },
  observer: { fr: 'observation', en: 'observer' },
};

const NO_PATH: Record<Locale, string> = { fr: 'hors parcours', en: 'no path' };

function firstName(profile: UserProfileItem | undefined): string {
  return (profile?.displayName ?? '').trim().split(/\s+/)[0] ?? '';
}

/** Template variables from the current state, in the recipient's language (times in Europe/Paris). */
export function templateVars(input: {
  n: NotificationItem;
  session: SessionItem;
  enrolment?: EnrolmentItem;
  profile: UserProfileItem | undefined;
  locale: Locale;
  position?: number;
  evaluationClosesAt?: string;
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
    evaluationCloses: input.evaluationClosesAt ? formatLocal(input.evaluationClosesAt, locale) : '',
    evaluationUrl: evaluationUrl(),
    preferencesUrl: unsubscribeUrl(n.recipientId),
  };
}

/** Evaluation messages: the session's window as it stands and whether this learner already answered. */
async function evaluationState(n: NotificationItem, session: SessionItem) {
  const [stored, link] = await Promise.all([
    getEvaluationWindow(session.id),
    getEvaluationLink(n.recipientId, session.id),
  ]);
  const window = stored ?? evaluationWindow(session, questionnaire().windowDays);
  return { closesAt: window.closesAt, responded: link !== undefined };
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
  if (n.subject.type === 'person') return preparePersonNotification(n, now);
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
    ...(session && (n.kind === 'evaluation-open' || n.kind === 'evaluation-reminder')
      ? { evaluation: await evaluationState(n, session) }
      : {}),
  };
  const stale = staleReason(n, state, now);
  if (stale) return { action: 'skip', reason: stale };
  if (!session) return { action: 'skip', reason: 'session-gone' };

  const checked = await deliverable(n, {
    optedOut: profile?.preferences?.nonEssentialEmails === false,
    email: profile?.email,
  });
  if (!checked.ok) return checked.result;
  const { template } = checked;

  const locale: Locale = profile?.locale === 'en' ? 'en' : 'fr';
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
    ...(state.evaluation ? { evaluationClosesAt: state.evaluation.closesAt } : {}),
  });
  const rendered = renderEmail(template, locale, vars);

  let method: IcsMethod | undefined = n.ics;
  if (method === 'CANCEL' && !(await inviteWentOut(n))) method = undefined;
  const from = sender();
  const to = { email: checked.email, ...(profile?.displayName ? { name: profile.displayName } : {}) };
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
  return assemble({
    n,
    template,
    rendered,
    locale,
    to,
    now,
    unsubscribeUrl: String(vars['preferencesUrl']),
    ...(calendar ? { calendar } : {}),
  });
}
