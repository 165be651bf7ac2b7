/**
 * A session's enrolments as the session's own writes see them. The seat rules create and promote them (through
 * seat-ops.ts: enrolment-repo.ts, enrolment-cancel.ts, session-promotions.ts); a session's move re-times them and
 * its cancellation closes them all, in bulk, with the ops below. Status and booking ops are conditioned so that they
 * never create a partial item or override a learner's own change; dropping a waitlist entry needs no condition (a
 * missing entry is already what the drop wants).
 */
import { ACTIVE_ENROLMENT_STATUSES } from '@parcours/domain/api/sessions-api';
import type { EnrolmentItem } from './enrolment-item.ts';
import { queryAll } from './gateway.ts';
import { type ItemKey, keys } from './keys.ts';
import type { Op, OpTag } from './session-transaction.ts';
import { setClause } from './update-expression.ts';

export type EnrolmentRef = Pick<EnrolmentItem, 'learnerId' | 'status'>;

/** The session's enrolled and waitlisted learners (consistent). */
export async function activeEnrolments(sessionId: string): Promise<EnrolmentRef[]> {
  const items = await queryAll<EnrolmentRef>({
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
    ProjectionExpression: '#learnerId, #status',
    ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk', '#learnerId': 'learnerId', '#status': 'status' },
    ExpressionAttributeValues: {
      ':pk': keys.session.partition(sessionId),
      ':prefix': keys.session.prefix.enrolment,
    },
    ConsistentRead: true,
  });
  return items.filter((e) => ACTIVE_ENROLMENT_STATUSES.includes(e.status));
}

/** Sets new times on an existing enrolment or booking copy. */
export function timesOp(
  tag: OpTag,
  key: ItemKey,
  attrs: Record<string, string>,
  by: string,
  now: string,
): Op {
  const set = setClause({ ...attrs, updatedAt: now, updatedBy: by });
  return {
    tag,
    op: {
      Update: {
        Key: key,
        UpdateExpression: `SET ${set.parts.join(', ')}`,
        // Never create a partial item: these belong to the enrolment engine, we only re-time them.
        ConditionExpression: 'attribute_exists(#pk)',
        ExpressionAttributeNames: { ...set.names, '#pk': 'pk' },
        ExpressionAttributeValues: set.values,
      },
    },
  };
}

/** The enrolment becomes `session-cancelled`. */
export function enrolmentCancelOp(sessionId: string, learnerId: string, by: string, now: string): Op {
  return {
    tag: { kind: 'enrolment', learnerId },
    op: {
      Update: {
        Key: keys.session.enrolment(sessionId, learnerId),
        UpdateExpression: 'SET #status = :cancelled, #updatedAt = :now, #updatedBy = :by',
        // A learner who cancelled meanwhile keeps their own `cancelled`: the attempt re-reads and skips them.
        ConditionExpression: '#status IN (:enrolled, :waitlisted)',
        ExpressionAttributeNames: {
          '#status': 'status',
          '#updatedAt': 'updatedAt',
          '#updatedBy': 'updatedBy',
        },
        ExpressionAttributeValues: {
          ':cancelled': 'session-cancelled',
          ':enrolled': 'enrolled',
          ':waitlisted': 'waitlisted',
          ':now': now,
          ':by': by,
        },
      },
    },
  };
}

/** The learner's booking copy becomes `session-cancelled`. */
export function bookingCopyCancelOp(sessionId: string, learnerId: string, by: string, now: string): Op {
  return {
    tag: { kind: 'booking-copy', learnerId },
    op: {
      Update: {
        Key: keys.user.booking(learnerId, sessionId),
        UpdateExpression: 'SET #status = :cancelled, #updatedAt = :now, #updatedBy = :by',
        ConditionExpression: 'attribute_exists(#pk)',
        ExpressionAttributeNames: {
          '#pk': 'pk',
          '#status': 'status',
          '#updatedAt': 'updatedAt',
          '#updatedBy': 'updatedBy',
        },
        ExpressionAttributeValues: { ':cancelled': 'session-cancelled', ':now': now, ':by': by },
      },
    },
  };
}

/** Drops a waitlist entry (the session is cancelled: nobody will be promoted from it). */
export function waitlistDropOp(sessionId: string, ticket: number): Op {
  return {
    tag: { kind: 'waitlist' },
    op: { Delete: { Key: keys.session.waitlistEntry(sessionId, ticket) } },
  };
}
