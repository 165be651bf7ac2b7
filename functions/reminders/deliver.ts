import { randomUUID } from 'node:crypto';
import { notificationSettings } from '@parcours/domain/content/notification-settings';
import { backoffMs } from '@parcours/domain/notifications/model';
import { TemplateError } from '@parcours/domain/notifications/render';
import { logger } from '@parcours/http';
import {
  claimNotification,
  markFinishedUnsent,
  markRetry,
  markSent,
  type NotificationItem,
  queryDue,
} from '@parcours/store/notification-repo';
import { prepareNotification } from './compose.ts';
import { classifySendError, sendRawEmail } from './mail.ts';

export interface TickResult {
  /** Due candidates read from the index. */
  seen: number;
  /** Candidates this tick won the claim for. */
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
  /** SES looked unreachable: the tick stopped early, leaving the rest for the next one. */
  outage: boolean;
}

async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  });
  await Promise.all(workers);
}

/**
 * SES accepted the message: the sent mark must land, or a lease expiry would send it again. The store retries it
 * (throttling, 5xx, network) under its retry policy; past that budget the error stops the tick.
 */
async function recordSent(
  n: NotificationItem,
  now: string,
  messageId: string,
  retentionMs: number,
): Promise<void> {
  const ok = await markSent(n, { now, messageId, retentionMs });
  if (!ok)
    logger.warn('notification was no longer sending when marked sent (duplicate send)', {
      id: n.id,
      messageId,
    });
}

/**
 * One run of the scheduled tick. Reads each shard of the due index (Query, never Scan), claims every due
 * notification with a conditional write (overlapping ticks: exactly one claims each), re-validates it against the
 * current state, sends it through SES and records the outcome. Nothing is marked sent unless SES returned a
 * MessageId. Runs until nothing is due, the deadline passes, or SES looks down.
 */
export async function runTick(opts: { now: string; deadline: number }): Promise<TickResult> {
  const settings = notificationSettings();
  const d = settings.delivery;
  const { now } = opts;
  const result: TickResult = {
    seen: 0,
    claimed: 0,
    sent: 0,
    retried: 0,
    failed: 0,
    skipped: 0,
    outage: false,
  };
  const seen = new Set<string>();

  const processOne = async (candidate: NotificationItem) => {
    if (result.outage || Date.now() > opts.deadline) return;
    const token = randomUUID();
    const n = await claimNotification(candidate, { now, leaseMs: d.lease, token });
    if (!n) return; // another tick has it, or it changed since the index was read
    result.claimed += 1;
    const finish = async (status: 'failed' | 'skipped', reason: string, error?: string) => {
      const retentionMs = status === 'failed' ? settings.retention.failed : settings.retention.cancelled;
      await markFinishedUnsent(n, { status, now, token, reason, retentionMs, ...(error ? { error } : {}) });
      result[status] += 1;
      // A person without an address is a data state the lab sees in the failed list, not an operational alarm.
      if (status === 'failed')
        (reason === 'no-address' ? logger.info : logger.warn).call(logger, 'notification failed', {
          id: n.id,
          kind: n.kind,
          reason,
          error,
        });
    };
    if (n.attempts > d.maxAttempts)
      return finish('failed', 'max-attempts', n.lastError ?? 'claims kept expiring');

    let prepared: Awaited<ReturnType<typeof prepareNotification>>;
    try {
      prepared = await prepareNotification(n, now);
    } catch (e) {
      if (e instanceof TemplateError) return finish('failed', 'template-error', e.message);
      // A read failed (throttling…): try again later, like a failed send.
      prepared = { action: 'fail', reason: 'retry', error: (e as Error).message };
    }
    if (prepared.action === 'skip') return finish('skipped', prepared.reason);
    if (prepared.action === 'fail' && prepared.reason !== 'retry')
      return finish('failed', prepared.reason, prepared.error);

    let error: string;
    if (prepared.action === 'send') {
      const sent = await sendRawEmail(prepared.raw, prepared.to).then(
        (messageId) => ({ messageId }),
        (e: unknown) => ({ failure: classifySendError(e) }),
      );
      if ('messageId' in sent) {
        // Not in the send's error handling: a sent mark that fails is not a failed send (retrying would send twice).
        await recordSent(n, now, sent.messageId, settings.retention.sent);
        result.sent += 1;
        return;
      }
      const f = sent.failure;
      if (f.outage) result.outage = true;
      if (f.permanent) return finish('failed', 'rejected', f.message);
      error = f.message;
    } else {
      error = prepared.error ?? 'unknown error';
    }
    if (n.attempts >= d.maxAttempts) return finish('failed', 'max-attempts', error);
    const nextDueAt = new Date(new Date(now).getTime() + backoffMs(n.attempts, d)).toISOString();
    await markRetry(n, { now, token, nextDueAt, error });
    result.retried += 1;
    logger.warn('notification send failed, will retry', { id: n.id, attempts: n.attempts, nextDueAt, error });
  };

  while (!result.outage && Date.now() < opts.deadline) {
    const pages = await Promise.all(
      Array.from({ length: d.shards }, (_, shard) => queryDue(shard, now, d.pageSize)),
    );
    const candidates = pages
      .flat()
      .filter((n) => !seen.has(n.id))
      .sort((a, b) => (a.gsi1sk ?? '').localeCompare(b.gsi1sk ?? ''));
    if (candidates.length === 0) break;
    for (const c of candidates) seen.add(c.id);
    result.seen += candidates.length;
    await pool(candidates, d.concurrency, async (c) => {
      try {
        await processOne(c);
      } catch (e) {
        // The record stays claimed; its lease expires and a later tick takes it over.
        logger.error('notification processing failed', { id: c.id, error: (e as Error).message });
      }
    });
  }
  return result;
}
