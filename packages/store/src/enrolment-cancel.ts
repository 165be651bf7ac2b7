import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { EnrolmentStatus } from '@parcours/domain/api/sessions-api';
import { conflict, notFound } from '@parcours/domain/errors';
import { documentClient, tableName } from './client.ts';
import type { EnrolmentItem } from './enrolment-item.ts';
import { type ExtraItems, getEnrolment, waitlistOrder } from './enrolment-repo.ts';
import { keys } from './keys.ts';
import { getSessionItem } from './session-item.ts';
import { backoff, cancellationInfo, isTransient } from './transaction-errors.ts';

type TxItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

function statusUpdate(
  key: { pk: string; sk: string },
  to: EnrolmentStatus,
  from: EnrolmentStatus,
  actorId: string,
  now: string,
  remove = '',
): TxItem {
  return {
    Update: {
      TableName: tableName(),
      Key: key,
      UpdateExpression: `SET #st = :to, updatedAt = :now, updatedBy = :by${remove ? ` REMOVE ${remove}` : ''}`,
      ConditionExpression: '#st = :from',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: { ':to': to, ':from': from, ':now': now, ':by': actorId },
    },
  };
}

function bookingUpdate(learnerId: string, sessionId: string, to: EnrolmentStatus, now: string): TxItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.user.booking(learnerId, sessionId),
      UpdateExpression: 'SET #st = :to, updatedAt = :now',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: { ':to': to, ':now': now },
    },
  };
}

export interface CancelOutcome {
  enrolment: EnrolmentItem;
  /** The learner promoted from the head of the waitlist into the freed seat, if any. */
  promoted?: EnrolmentItem;
  changed: boolean;
}

/**
 * Cancels an enrolment. Freeing a seat promotes the head of the waitlist IN THE SAME TRANSACTION: the seat is
 * never free for a newcomer to grab while someone waits (no queue-jumping, no lost seat).
 */
export async function cancelEnrolment(input: {
  sessionId: string;
  learnerId: string;
  actorId: string;
  now: string;
  extraItems?: (cancelled: EnrolmentItem, promoted?: EnrolmentItem) => ReturnType<ExtraItems>;
}): Promise<CancelOutcome> {
  const { sessionId, learnerId, actorId, now } = input;
  const T = tableName();
  for (let attempt = 0; attempt < 40; attempt++) {
    const current = await getEnrolment(sessionId, learnerId);
    if (!current) throw notFound('enrolment');
    if (current.status === 'cancelled' || current.status === 'session-cancelled') {
      return { enrolment: current, changed: false }; // idempotent retry
    }
    if (current.status !== 'enrolled' && current.status !== 'waitlisted') {
      throw conflict(
        'enrolment-not-active',
        `An enrolment in status '${current.status}' cannot be cancelled`,
      );
    }
    const cancelled: EnrolmentItem = { ...current, status: 'cancelled', updatedAt: now, updatedBy: actorId };
    const items: TxItem[] = [
      statusUpdate(keys.session.enrolment(sessionId, learnerId), 'cancelled', current.status, actorId, now),
      bookingUpdate(learnerId, sessionId, 'cancelled', now),
    ];
    let promoted: EnrolmentItem | undefined;
    if (current.status === 'waitlisted') {
      items.push(
        {
          Delete: {
            TableName: T,
            Key: keys.session.waitlistEntry(sessionId, current.ticket),
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
        {
          Update: {
            TableName: T,
            Key: keys.session.item(sessionId),
            UpdateExpression: 'SET waitlistLength = waitlistLength - :one',
            ConditionExpression: 'waitlistLength > :zero',
            ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
          },
        },
      );
    } else {
      const [head] = await waitlistOrder(sessionId, 1);
      const headEnrolment = head ? await getEnrolment(sessionId, head.learnerId) : undefined;
      if (head && headEnrolment && headEnrolment.status === 'waitlisted') {
        promoted = { ...headEnrolment, status: 'enrolled', updatedAt: now, updatedBy: actorId };
        items.push(
          {
            Delete: {
              TableName: T,
              Key: { pk: keys.session.partition(sessionId), sk: head.sk },
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
          statusUpdate(
            keys.session.enrolment(sessionId, head.learnerId),
            'enrolled',
            'waitlisted',
            actorId,
            now,
          ),
          bookingUpdate(head.learnerId, sessionId, 'enrolled', now),
          {
            Update: {
              TableName: T,
              Key: keys.session.item(sessionId),
              UpdateExpression: 'SET waitlistLength = waitlistLength - :one',
              ConditionExpression: 'waitlistLength > :zero',
              ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
            },
          },
        );
      } else {
        items.push({
          Update: {
            TableName: T,
            Key: keys.session.item(sessionId),
            UpdateExpression: 'SET enrolledCount = enrolledCount - :one',
            // An empty waitlist at read time must still be empty: otherwise someone joined it meanwhile and must
            // get this seat (retry reads the new head).
            ConditionExpression: 'enrolledCount > :zero AND waitlistLength = :zero',
            ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
          },
        });
      }
    }
    items.push(...(input.extraItems?.(cancelled, promoted) ?? []));
    try {
      await documentClient().send(new TransactWriteCommand({ TransactItems: items }));
      return { enrolment: cancelled, ...(promoted ? { promoted } : {}), changed: true };
    } catch (e) {
      if (!cancellationInfo(e) && !isTransient(e)) throw e;
      if (!(await getSessionItem(sessionId))) throw notFound('session', sessionId);
      await backoff(attempt);
    }
  }
  throw conflict('enrolment-contention', 'The session is too busy right now; please retry');
}
