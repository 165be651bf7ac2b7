import { createHash } from 'node:crypto';
import type { FacilitatorRole } from '../api/sessions-api.ts';
import type { IcsMethod } from './ics.ts';

/** What a notification says; each kind is the id of its template in `content/emails.json`. */
export const NOTIFICATION_KINDS = [
  'enrolment-confirmed',
  'enrolment-waitlisted',
  'enrolment-promoted',
  'enrolment-cancelled',
  'session-reminder',
  'session-moved',
  'session-cancelled',
  'trainer-upcoming-facilitation',
  'trainer-attendance-pending',
  'evaluation-open',
  'evaluation-reminder',
  'newcomer-catch-up',
  'hr-monthly-summary',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Life of a notification record:
 *   pending ──claim──▶ sending ──SES accepted──▶ sent
 *      ▲                  │ └──send failed, attempts left──▶ pending (later dueAt)
 *      │                  │ └──no attempts left / permanent error──▶ failed
 *      └──lease expired───┘ └──stale or opted out at send time──▶ skipped
 *   pending ──projection (enrolment cancelled, session moved…)──▶ cancelled
 */
export const NOTIFICATION_STATUSES = [
  'pending',
  'sending',
  'sent',
  'failed',
  'cancelled',
  'skipped',
] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
export const OPEN_STATUSES: readonly NotificationStatus[] = ['pending', 'sending'];

/**
 * Whose messages a record belongs to: one learner's enrolment, the facilitators of one session, or one person for
 * messages about no session (a newcomer's catch-up plan, an HR user's monthly summary).
 */
export type NotificationSubject =
  | { type: 'enrolment'; enrolmentId: string }
  | { type: 'session-trainers'; sessionId: string }
  | { type: 'person'; personId: string };

export interface NotificationDraft {
  /** Deterministic (see `notificationId`): the stream is at-least-once, creation is a conditional put. */
  id: string;
  kind: NotificationKind;
  subject: NotificationSubject;
  recipientId: string;
  /** `hr`: a recipient of content/reports.json, whose address is on the summary (they may have no account). */
  recipientRole: 'learner' | 'trainer' | 'hr';
  /** The session it is about; empty for person messages (`subject.type === 'person'`). */
  sessionId: string;
  enrolmentId?: string;
  trainerRole?: FacilitatorRole;
  /** When it should go out (UTC ISO). Immediate messages are due at the time of the change that caused them. */
  dueAt: string;
  /** Session times the message was planned for; if the session has moved since, the message is stale. */
  sessionStart: string;
  sessionEnd: string;
  /** For `session-moved`: where the session was before. */
  previousStart?: string;
  /** For reminders: how long before the start. */
  offsetMs?: number;
  /** Which change produced it (`admit`, `v<session version>`…): part of the id. */
  generation: string;
  /** Evaluation messages: the window's closing time they were planned for (a moved window re-times them). */
  evaluationClosesAt?: string;
  /** `newcomer-catch-up`: the path joined. */
  pathId?: string;
  /** `hr-monthly-summary`: the month summarized (`yyyy-mm`). */
  month?: string;
  /** The iTIP method of the invitation attached, if any. */
  ics?: IcsMethod;
  /** Time of the change that caused it. */
  createdAt: string;
}

/** 128 bits of SHA-256 over the identifying parts, hex. Same inputs, same id: replays create nothing new. */
export function notificationId(...parts: (string | number)[]): string {
  return createHash('sha256').update(parts.map(String).join('\u001f')).digest('hex').slice(0, 32);
}

/** The due-index partition of a notification: a stable function of its id. */
export function shardOf(id: string, shards: number): number {
  return Number.parseInt(id.slice(0, 8), 16) % shards;
}

/** Exponential backoff before attempt `attempt + 1` (attempt ≥ 1), capped, plus up to 20% jitter. */
export function backoffMs(
  attempt: number,
  opts: { backoffBase: number; backoffMax: number },
  random: () => number = Math.random,
): number {
  const raw = Math.min(opts.backoffBase * 2 ** Math.max(0, attempt - 1), opts.backoffMax);
  return Math.round(raw * (1 + 0.2 * random()));
}

/** The `UID` of an enrolment's calendar event: the same in every invitation, update and cancellation. */
export function eventUid(enrolmentId: string): string {
  return `enrolment-${enrolmentId}@parcours`;
}

export function addMs(iso: string, ms: number): string {
  return new Date(new Date(iso).getTime() + ms).toISOString();
}
