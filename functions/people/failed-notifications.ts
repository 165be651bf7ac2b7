import { invalid } from '@parcours/domain/errors';
import { listFailedNotifications } from '@parcours/store/notification-repo';

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
    })),
    ...(page.last ? { nextCursor: Buffer.from(page.last, 'utf8').toString('base64url') } : {}),
  };
}
