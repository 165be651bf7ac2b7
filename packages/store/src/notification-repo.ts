import type { NotificationDraft, NotificationStatus } from '@parcours/domain/notifications/model';
import type { Entity } from './entities.ts';
import {
  get,
  isConditionFailure,
  put,
  putIfAbsent,
  queryAll,
  queryPage,
  type UpdateInput,
  update,
} from './gateway.ts';
import { type ItemKey, keys, type NotificationSubjectKey } from './keys.ts';

/** A notification record as stored (`<subject partition>` / `notification#<id>`). */
export interface NotificationItem extends NotificationDraft {
  pk: string;
  sk: string;
  entity: Extract<Entity, 'notification'>;
  status: NotificationStatus;
  /** Claims so far (a claim is an attempt, even if the process dies during it). */
  attempts: number;
  shard: number;
  claimedUntil?: string;
  claimToken?: string;
  lastError?: string;
  sesMessageId?: string;
  sentAt?: string;
  failedAt?: string;
  failureReason?: string;
  cancelledAt?: string;
  cancelReason?: string;
  updatedAt: string;
  /** DynamoDB TTL (epoch seconds), set once the record is finished. */
  expiresAt?: number;
  gsi1pk?: string;
  gsi1sk?: string;
  gsi2pk?: string;
  gsi2sk?: string;
}

function notificationKey(n: Pick<NotificationItem, 'subject' | 'id'>): ItemKey {
  return keys.notification.item(n.subject, n.id);
}

const epochSeconds = (iso: string, plusMs: number) => Math.floor((new Date(iso).getTime() + plusMs) / 1000);

/** A conditional transition of a record: false when its condition (the state it moves from) no longer holds. */
async function transition(input: UpdateInput): Promise<boolean> {
  try {
    await update(input);
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/**
 * Creates the record unless it exists: ids are deterministic, so a replayed stream record finds its notifications
 * already there (whatever their status since) and creates nothing twice. Returns whether it was created.
 */
export async function createNotification(
  draft: NotificationDraft,
  shard: number,
  now: string,
): Promise<boolean> {
  const item: NotificationItem = {
    ...notificationKey(draft),
    entity: 'notification',
    ...draft,
    status: 'pending',
    attempts: 0,
    shard,
    updatedAt: now,
    ...keys.notification.due(shard, draft.dueAt, draft.id),
  };
  return putIfAbsent(item);
}

/** Every notification of a subject, strongly consistent. */
export function listSubjectNotifications(subject: NotificationSubjectKey): Promise<NotificationItem[]> {
  return queryAll<NotificationItem>({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: {
      ':pk': keys.notification.subjectPartition(subject),
      ':p': keys.notification.prefix,
    },
    ConsistentRead: true,
  });
}

/**
 * Cancels the subject's pending notifications (those `only` selects, never those in `except`). Conditional on
 * `pending`: one being sent right now is left to its sender, whose re-validation sees the same change.
 */
export async function cancelPendingNotifications(
  subject: NotificationSubjectKey,
  opts: {
    reason: string;
    now: string;
    retentionMs: number;
    except?: ReadonlySet<string>;
    only?: (n: NotificationItem) => boolean;
  },
): Promise<number> {
  let cancelled = 0;
  for (const n of await listSubjectNotifications(subject)) {
    if (n.status !== 'pending' || opts.except?.has(n.id) || (opts.only && !opts.only(n))) continue;
    const done = await transition({
      Key: notificationKey(n),
      UpdateExpression:
        'SET #st = :cancelled, cancelReason = :r, cancelledAt = :now, updatedAt = :now, expiresAt = :exp REMOVE gsi1pk, gsi1sk',
      ConditionExpression: '#st = :pending',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: {
        ':cancelled': 'cancelled',
        ':pending': 'pending',
        ':r': opts.reason,
        ':now': opts.now,
        ':exp': epochSeconds(opts.now, opts.retentionMs),
      },
    });
    if (done) cancelled += 1;
  }
  return cancelled;
}

/**
 * One page of a due-index shard: open notifications whose next action time is at or before `now`, oldest first.
 * Eventually consistent (a GSI): every candidate is re-checked by the conditional claim.
 */
export async function queryDue(shard: number, now: string, limit: number): Promise<NotificationItem[]> {
  const page = await queryPage<NotificationItem>({
    IndexName: 'gsi1',
    // `<iso>#<id>` sorts by time; '$' is the character after '#', so every id due at `now` itself is included.
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :bound',
    ExpressionAttributeValues: { ':pk': keys.notification.duePartition(shard), ':bound': `${now}$` },
    Limit: limit,
  });
  return page.items;
}

/**
 * Claims a due notification for sending: pending and due, or sending with an expired lease (its sender died). The
 * conditional write makes exactly one of any number of racing ticks the sender. While claimed, the item sits in the
 * due index at its lease expiry, so a crashed sender's claim comes back by itself. Counts the attempt.
 */
export async function claimNotification(
  n: Pick<NotificationItem, 'subject' | 'id' | 'shard'>,
  opts: { now: string; leaseMs: number; token: string },
): Promise<NotificationItem | undefined> {
  const claimedUntil = new Date(new Date(opts.now).getTime() + opts.leaseMs).toISOString();
  const d = keys.notification.due(n.shard, claimedUntil, n.id);
  try {
    return (await update({
      Key: notificationKey(n),
      UpdateExpression:
        'SET #st = :sending, claimedUntil = :until, claimToken = :token, updatedAt = :now, gsi1pk = :gpk, gsi1sk = :gsk ADD attempts :one',
      ConditionExpression: '(#st = :pending AND dueAt <= :now) OR (#st = :sending AND claimedUntil <= :now)',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: {
        ':sending': 'sending',
        ':pending': 'pending',
        ':until': claimedUntil,
        ':token': opts.token,
        ':now': opts.now,
        ':one': 1,
        ':gpk': d.gsi1pk,
        ':gsk': d.gsi1sk,
      },
      ReturnValues: 'ALL_NEW',
    })) as NotificationItem;
  } catch (e) {
    if (isConditionFailure(e)) return undefined;
    throw e;
  }
}

/**
 * SES accepted the message: record it as sent with SES's message id. Not fenced by the claim token (SES's
 * acceptance is the fact to record, whoever holds the claim now), but only from `sending`, so the first record of
 * a send is kept. Returns false if the record was no longer `sending` (a duplicate send: logged by the caller).
 */
export async function markSent(
  n: NotificationItem,
  opts: { now: string; messageId: string; retentionMs: number },
): Promise<boolean> {
  return transition({
    Key: notificationKey(n),
    UpdateExpression:
      'SET #st = :sent, sesMessageId = :mid, sentAt = :now, updatedAt = :now, expiresAt = :exp REMOVE gsi1pk, gsi1sk, claimToken, claimedUntil, lastError',
    ConditionExpression: '#st = :sending',
    ExpressionAttributeNames: { '#st': 'status' },
    ExpressionAttributeValues: {
      ':sent': 'sent',
      ':sending': 'sending',
      ':mid': opts.messageId,
      ':now': opts.now,
      ':exp': epochSeconds(opts.now, opts.retentionMs),
    },
  });
}

const fenced = {
  ConditionExpression: '#st = :sending AND claimToken = :token',
};

/** The send failed and attempts remain: back to pending, due again after the backoff. Fenced by the claim. */
export async function markRetry(
  n: NotificationItem,
  opts: { now: string; token: string; nextDueAt: string; error: string },
): Promise<boolean> {
  const d = keys.notification.due(n.shard, opts.nextDueAt, n.id);
  return transition({
    Key: notificationKey(n),
    UpdateExpression:
      'SET #st = :pending, dueAt = :due, lastError = :err, updatedAt = :now, gsi1pk = :gpk, gsi1sk = :gsk REMOVE claimToken, claimedUntil',
    ...fenced,
    ExpressionAttributeNames: { '#st': 'status' },
    ExpressionAttributeValues: {
      ':pending': 'pending',
      ':sending': 'sending',
      ':token': opts.token,
      ':due': opts.nextDueAt,
      ':err': opts.error.slice(0, 500),
      ':now': opts.now,
      ':gpk': d.gsi1pk,
      ':gsk': d.gsi1sk,
    },
  });
}

/** Finished without sending: `failed` (listed for the lab) or `skipped` (stale, opted out). Fenced by the claim. */
export async function markFinishedUnsent(
  n: NotificationItem,
  opts: {
    status: 'failed' | 'skipped';
    now: string;
    token: string;
    reason: string;
    error?: string;
    retentionMs: number;
  },
): Promise<boolean> {
  const failed = opts.status === 'failed';
  const f = keys.notification.failed(opts.now, n.id);
  return transition({
    Key: notificationKey(n),
    UpdateExpression: failed
      ? 'SET #st = :to, failureReason = :r, failedAt = :now, lastError = :err, updatedAt = :now, expiresAt = :exp, gsi2pk = :fpk, gsi2sk = :fsk REMOVE gsi1pk, gsi1sk, claimToken, claimedUntil'
      : 'SET #st = :to, cancelReason = :r, cancelledAt = :now, updatedAt = :now, expiresAt = :exp REMOVE gsi1pk, gsi1sk, claimToken, claimedUntil',
    ...fenced,
    ExpressionAttributeNames: { '#st': 'status' },
    ExpressionAttributeValues: {
      ':to': opts.status,
      ':sending': 'sending',
      ':token': opts.token,
      ':r': opts.reason,
      ':now': opts.now,
      ':exp': epochSeconds(opts.now, opts.retentionMs),
      ...(failed
        ? { ':err': (opts.error ?? opts.reason).slice(0, 500), ':fpk': f.gsi2pk, ':fsk': f.gsi2sk }
        : {}),
    },
  });
}

/** Failed notifications, most recent first; `after` is the `gsi2sk` of the last item of the previous page. */
export async function listFailedNotifications(opts: {
  limit: number;
  after?: string;
}): Promise<{ items: NotificationItem[]; last?: string }> {
  const page = await queryPage<NotificationItem>({
    IndexName: 'gsi2',
    KeyConditionExpression: opts.after ? 'gsi2pk = :pk AND gsi2sk < :after' : 'gsi2pk = :pk',
    ExpressionAttributeValues: {
      ':pk': keys.notification.failedPartition,
      ...(opts.after ? { ':after': opts.after } : {}),
    },
    ScanIndexForward: false,
    Limit: opts.limit,
  });
  const lastItem = page.items[page.items.length - 1];
  return { items: page.items, ...(page.lastKey && lastItem?.gsi2sk ? { last: lastItem.gsi2sk } : {}) };
}

/** Whether SES told us this address bounces or complains (see docs/notifications.md). */
export async function isAddressSuppressed(email: string): Promise<boolean> {
  return (await get({ Key: keys.notification.suppression(email) })) !== undefined;
}

/** For the future bounce/complaint handler: suppress an address (idempotent). */
export async function suppressAddress(email: string, reason: string, now: string): Promise<void> {
  await put({
    Item: {
      ...keys.notification.suppression(email),
      entity: 'email-suppression',
      email: email.trim().toLowerCase(),
      reason,
      createdAt: now,
    },
  });
}

/**
 * The lab resends a failed notification: found by its place in the failed index (`gsi2sk`), moved back to `pending`,
 * due `now`, attempts reset, out of the failed list. Conditioned on `failed`, so racing clicks requeue it once.
 */
export async function requeueFailedNotification(
  failedPosition: string,
  now: string,
): Promise<NotificationItem | 'not-found' | 'not-failed'> {
  const page = await queryPage<NotificationItem>({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk = :sk',
    ExpressionAttributeValues: { ':pk': keys.notification.failedPartition, ':sk': failedPosition },
  });
  const n = page.items[0];
  if (!n) return 'not-found';
  const d = keys.notification.due(n.shard, now, n.id);
  const ok = await transition({
    Key: notificationKey(n),
    UpdateExpression:
      'SET #st = :pending, dueAt = :now, attempts = :zero, updatedAt = :now, gsi1pk = :gpk, gsi1sk = :gsk REMOVE gsi2pk, gsi2sk, failedAt, failureReason, expiresAt',
    ConditionExpression: '#st = :failed',
    ExpressionAttributeNames: { '#st': 'status' },
    ExpressionAttributeValues: {
      ':pending': 'pending',
      ':failed': 'failed',
      ':now': now,
      ':zero': 0,
      ':gpk': d.gsi1pk,
      ':gsk': d.gsi1sk,
    },
  });
  return ok ? n : 'not-failed';
}
