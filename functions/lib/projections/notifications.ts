import type { NativeAttributeValue } from '@aws-sdk/lib-dynamodb';
import { notificationSettings } from '@parcours/domain/content/notification-settings';
import { shardOf } from '@parcours/domain/notifications/model';
import {
  type EnrolmentFacts,
  type NotificationPlan,
  planEnrolmentChange,
  planSessionChange,
  type SessionFacts,
} from '@parcours/domain/notifications/plan';
import { getSessionItem, listSessionEnrolments } from '@parcours/store';
import { cancelPendingNotifications, createNotification } from '@parcours/store/notification-repo';
import { onSessionCompleted } from '../notifications/hooks.ts';
import type { ChangeRecord, Projection } from './projection.ts';

type Image = Record<string, NativeAttributeValue> | undefined;

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
  const now = new Date().toISOString();
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
  const plan = planEnrolmentChange(
    { eventName: r.eventName, ...(old ? { old } : {}), ...(cur ? { new: cur } : {}) },
    session,
    notificationSettings(),
  );
  await applyPlan(plan);
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
  if (plan.sessionCompleted && r.newImage) await onSessionCompleted(r.newImage);
}

/**
 * Notifications from the table's stream: enrolment and session changes become notification records with a due
 * time (the scheduled tick sends them). Idempotent under the stream's at-least-once delivery: ids are
 * deterministic and creation is conditional; cancellations are conditional on `pending`.
 */
export const notificationsProjection: Projection = {
  name: 'notifications',
  entities: ['enrolment', 'session'],
  apply: (r) => (r.entity === 'enrolment' ? onEnrolment(r) : onSession(r)),
};
