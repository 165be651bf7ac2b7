import { nowIso } from '@parcours/domain/clock';
import { conflict, invalid, notFound } from '@parcours/domain/errors';
import { listFailedNotifications, requeueFailedNotification } from '@parcours/store/notification-repo';

const POSITION = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[0-9a-f]{32}$/;

function decodeCursor(cursor: string): string {
  const s = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!POSITION.test(s)) throw invalid('invalid-cursor', 'The cursor is not one this API returned');
  return s;
}

/** The lab's list of undeliverable notifications, newest first, with an opaque cursor. */
export async function listFailed(limit: number, cursor?: string) {
  const page = await listFailedNotifications({ limit, ...(cursor ? { after: decodeCursor(cursor) } : {}) });
  return {
    items: page.items.map((n) => ({
      id: n.id,
      kind: n.kind,
      recipientId: n.recipientId,
      recipientRole: n.recipientRole,
      sessionId: n.sessionId,
      ...(n.enrolmentId ? { enrolmentId: n.enrolmentId } : {}),
      failureReason: n.failureReason ?? 'unknown',
      ...(n.lastError ? { lastError: n.lastError } : {}),
      attempts: n.attempts,
      dueAt: n.dueAt,
      failedAt: n.failedAt ?? n.updatedAt,
      createdAt: n.createdAt,
      resendKey: Buffer.from(n.gsi2sk ?? '', 'utf8').toString('base64url'),
    })),
    ...(page.last ? { nextCursor: Buffer.from(page.last, 'utf8').toString('base64url') } : {}),
  };
}

/**
 * Puts a failed notification back in the queue, due now, with its attempts reset: the lab fixed the cause (an
 * address, a template) and sends it once more. Only from `failed`: a second click finds it pending and gets 409.
 */
export async function resendFailed(resendKey: string) {
  const position = decodeCursor(resendKey);
  const now = nowIso();
  const r = await requeueFailedNotification(position, now);
  if (r === 'not-found') throw notFound('notification');
  if (r === 'not-failed') throw conflict('notification-not-failed', 'This notification is no longer failed');
  return { id: r.id, status: 'pending' as const, dueAt: now };
}
