import { nowIso } from '@parcours/domain/clock';
import { catalog } from '@parcours/domain/content/catalog';
import { notificationSettings } from '@parcours/domain/content/notification-settings';
import { questionnaire } from '@parcours/domain/content/transfer-content';
import { EVALUATING_STATUSES, evaluationWindow } from '@parcours/domain/evaluations/window';
import { shardOf } from '@parcours/domain/notifications/model';
import {
  catchUpDraft,
  type EnrolmentFacts,
  hrSummaryDraft,
  type NotificationPlan,
  planEnrolmentChange,
  planSessionChange,
  planWindowChange,
  type SessionFacts,
  type WindowFacts,
} from '@parcours/domain/notifications/plan';
import { getSessionItem, listSessionEnrolments, type SessionItem } from '@parcours/store';
import type { Entity } from '@parcours/store/entities';
import { getEvaluationWindow } from '@parcours/store/evaluation-repo';
import { cancelPendingNotifications, createNotification } from '@parcours/store/notification-repo';
import type { ItemImage } from '@parcours/store/stream-image';
import type { ChangeRecord, Projection } from './projection.ts';

type Image = ItemImage | undefined;

function enrolmentFacts(i: Image): EnrolmentFacts | undefined {
  if (!i) return undefined;
  return {
    id: String(i['id']),
    sessionId: String(i['sessionId']),
    learnerId: String(i['learnerId']),
    status: i['status'],
    createdAt: String(i['createdAt']),
    updatedAt: String(i['updatedAt'] ?? i['createdAt']),
  };
}

function sessionFacts(i: Image): SessionFacts | undefined {
  if (!i) return undefined;
  return {
    id: String(i['id']),
    start: String(i['start']),
    end: String(i['end']),
    status: i['status'],
    version: Number(i['version'] ?? 0),
    facilitators: Array.isArray(i['facilitators']) ? i['facilitators'] : [],
    createdAt: String(i['createdAt']),
    updatedAt: String(i['updatedAt'] ?? i['createdAt']),
  };
}

/** Writes a plan: cancellations first (never of an id the plan creates), then conditional creations. */
async function applyPlan(plan: NotificationPlan): Promise<void> {
  if (plan.create.length === 0 && plan.cancel.length === 0) return;
  const settings = notificationSettings();
  const now = nowIso();
  const creating = new Set(plan.create.map((d) => d.id));
  for (const c of plan.cancel) {
    await cancelPendingNotifications(c.subject, {
      reason: c.reason,
      now,
      retentionMs: settings.retention.cancelled,
      except: creating,
      ...(c.only ? { only: c.only } : {}),
    });
  }
  for (const draft of plan.create) {
    await createNotification(draft, shardOf(draft.id, settings.delivery.shards), now);
  }
}

async function onEnrolment(r: ChangeRecord): Promise<void> {
  const old = enrolmentFacts(r.oldImage);
  const cur = enrolmentFacts(r.newImage);
  // The session's times copied onto the enrolment, counters…: no status change, nothing to say (and no read).
  if (old && cur && old.id === cur.id && old.status === cur.status) return;
  const sessionItem = cur ? await getSessionItem(cur.sessionId) : undefined;
  const session = sessionItem
    ? { start: sessionItem.start, end: sessionItem.end, status: sessionItem.status }
    : undefined;
  const window =
    cur && sessionItem && EVALUATING_STATUSES.includes(cur.status) ? await windowOf(sessionItem) : undefined;
  const plan = planEnrolmentChange(
    { eventName: r.eventName, ...(old ? { old } : {}), ...(cur ? { new: cur } : {}) },
    session,
    notificationSettings(),
    window,
  );
  await applyPlan(plan);
}

/**
 * The session's evaluation window: the stored one (written when the session completes, possibly moved by the lab
 * since), else the default from its end — the attendance and the window are projected independently, in any order.
 */
async function windowOf(session: Pick<SessionItem, 'id' | 'end'>): Promise<WindowFacts> {
  return (await getEvaluationWindow(session.id)) ?? evaluationWindow(session, questionnaire().windowDays);
}

function windowFacts(i: Image): WindowFacts | undefined {
  return i ? { opensAt: String(i['opensAt']), closesAt: String(i['closesAt']) } : undefined;
}

/** The lab moved an evaluation window: the attendees' "closes soon" reminders follow it. */
async function onEvaluationWindow(r: ChangeRecord): Promise<void> {
  const old = windowFacts(r.oldImage);
  const cur = windowFacts(r.newImage);
  if (!old || !cur || old.closesAt === cur.closesAt) return;
  const sessionId = String(r.newImage?.['sessionId']);
  const session = await getSessionItem(sessionId);
  if (!session) return;
  const enrolments = (await listSessionEnrolments(sessionId)).map(
    (e) => enrolmentFacts(e as unknown as Image)!,
  );
  const at = String(r.newImage?.['setAt'] ?? nowIso());
  await applyPlan(planWindowChange({ old, new: cur }, session, enrolments, at, notificationSettings()));
}

/** A learner joined a path: a newcomer (after the cohort started) gets their catch-up plan. */
async function onPathMembership(r: ChangeRecord): Promise<void> {
  if (r.eventName !== 'INSERT' || !r.newImage) return;
  const m = r.newImage;
  const path = catalog().paths.find((p) => p.id === m['pathId']);
  const cohortStart = path?.cohortStart ? `${path.cohortStart}T00:00:00.000Z` : undefined;
  const draft = catchUpDraft(
    { learnerId: String(m['learnerId']), pathId: String(m['pathId']), joinedAt: String(m['joinedAt']) },
    cohortStart,
  );
  if (draft) await applyPlan({ create: [draft], cancel: [] });
}

/** A monthly HR summary was recorded (reports): it goes out through the same records and tick. */
async function onHrSummary(r: ChangeRecord): Promise<void> {
  if (r.eventName !== 'INSERT' || !r.newImage) return;
  const s = r.newImage;
  await applyPlan({
    create: [
      hrSummaryDraft({
        recipientId: String(s['recipientId']),
        month: String(s['month']),
        createdAt: String(s['createdAt']),
      }),
    ],
    cancel: [],
  });
}

async function onSession(r: ChangeRecord): Promise<void> {
  const old = sessionFacts(r.oldImage);
  const cur = sessionFacts(r.newImage);
  // Most session writes are counter updates from enrolments: answer those without any read.
  const movedOrCancelled =
    old !== undefined &&
    cur !== undefined &&
    (old.start !== cur.start ||
      old.end !== cur.end ||
      (cur.status === 'cancelled' && old.status !== 'cancelled'));
  const enrolments = movedOrCancelled
    ? (await listSessionEnrolments(cur.id)).map((e) => enrolmentFacts(e as unknown as Image)!)
    : [];
  const plan = planSessionChange(
    { eventName: r.eventName, ...(old ? { old } : {}), ...(cur ? { new: cur } : {}) },
    enrolments,
    notificationSettings(),
  );
  await applyPlan(plan);
}

const HANDLERS = new Map<Entity, (r: ChangeRecord) => Promise<void>>([
  ['enrolment', onEnrolment],
  ['session', onSession],
  ['evaluation-window', onEvaluationWindow],
  ['path-membership', onPathMembership],
  ['report-hr-summary', onHrSummary],
]);

/**
 * Notifications from the table's stream: enrolment, session, evaluation-window, path-membership and HR-summary
 * changes become notification records with a due time (the scheduled tick sends them). Idempotent under the
 * stream's at-least-once delivery: ids are deterministic and creation is conditional; cancellations are
 * conditional on `pending`.
 */
export const notificationsProjection: Projection = {
  name: 'notifications',
  entities: [...HANDLERS.keys()],
  apply: (r) => HANDLERS.get(r.entity)!(r),
};
