import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { EnrolmentStatus } from '@parcours/domain/api/sessions-api';
import type { Module } from '@parcours/domain/content/schemas';
import { documentClient, tableName } from './client.ts';
import type { EnrolmentItem } from './enrolment-item.ts';
import { keys } from './keys.ts';
import type { CompletionItem } from './learner-items.ts';
import type { SessionItem } from './session-item.ts';
import { backoff, isTransient } from './transaction-errors.ts';

type TxItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface AttendanceChange {
  enrolment: EnrolmentItem;
  to: EnrolmentStatus;
}

/** Three items per learner (enrolment, booking copy, completion): 33 learners fit DynamoDB's 100-item limit. */
const LEARNERS_PER_TRANSACTION = 30;

/**
 * Writes attendance marks. `attended` completes the module (completion item = the evidence of its competencies);
 * a correction away from `attended` withdraws the completion this session had granted, and only that one.
 * Each learner's change is conditional on the status read, so two trainers marking at once cannot interleave.
 */
export async function writeAttendance(input: {
  session: SessionItem;
  module: Module;
  changes: AttendanceChange[];
  actorId: string;
  now: string;
  extraItems?: (change: AttendanceChange) => TxItem[];
}): Promise<void> {
  const { session, module, actorId, now } = input;
  const T = tableName();
  const txs: TxItem[][] = [];
  for (let i = 0; i < input.changes.length; i += LEARNERS_PER_TRANSACTION) {
    const chunk = input.changes.slice(i, i + LEARNERS_PER_TRANSACTION);
    const items: TxItem[] = [];
    for (const c of chunk) {
      const e = c.enrolment;
      items.push(
        {
          Update: {
            TableName: T,
            Key: keys.session.enrolment(session.id, e.learnerId),
            UpdateExpression: 'SET #st = :to, updatedAt = :now, updatedBy = :by, attendanceMarkedAt = :now',
            ConditionExpression: '#st = :from',
            ExpressionAttributeNames: { '#st': 'status' },
            ExpressionAttributeValues: { ':to': c.to, ':from': e.status, ':now': now, ':by': actorId },
          },
        },
        {
          Update: {
            TableName: T,
            Key: keys.user.booking(e.learnerId, session.id),
            UpdateExpression: 'SET #st = :to, updatedAt = :now',
            ExpressionAttributeNames: { '#st': 'status' },
            ExpressionAttributeValues: { ':to': c.to, ':now': now },
          },
        },
      );
      if (c.to === 'attended') {
        const completion: CompletionItem = {
          ...keys.user.completion(e.learnerId, session.moduleId),
          entity: 'completion',
          learnerId: e.learnerId,
          moduleId: session.moduleId,
          sessionId: session.id,
          enrolmentId: e.id,
          completedAt: session.end,
          ...(e.learnerService ? { learnerService: e.learnerService } : {}),
          competencies: module.competencies,
        };
        // A module completed in an earlier session keeps its first evidence.
        items.push({
          Put: {
            TableName: T,
            Item: completion,
            ConditionExpression: 'attribute_not_exists(pk) OR sessionId = :sid',
            ExpressionAttributeValues: { ':sid': session.id },
          },
        });
      } else if (e.status === 'attended') {
        items.push({
          Delete: {
            TableName: T,
            Key: keys.user.completion(e.learnerId, session.moduleId),
            ConditionExpression: 'attribute_not_exists(pk) OR sessionId = :sid',
            ExpressionAttributeValues: { ':sid': session.id },
          },
        });
      }
      items.push(...(input.extraItems?.(c) ?? []));
    }
    txs.push(items);
  }
  // The session is marked completed with the last chunk: a crash before it leaves a retryable, consistent state.
  txs[txs.length - 1]?.push({
    Update: {
      TableName: T,
      Key: keys.session.item(session.id),
      UpdateExpression:
        'SET #st = :completed, attendanceTakenAt = :now, attendanceTakenBy = :by, updatedAt = :now',
      ConditionExpression: '#st IN (:scheduled, :completed)',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: {
        ':completed': 'completed',
        ':scheduled': 'scheduled',
        ':now': now,
        ':by': actorId,
      },
    },
  });
  for (const items of txs) {
    for (let attempt = 0; ; attempt++) {
      try {
        await documentClient().send(new TransactWriteCommand({ TransactItems: items }));
        break;
      } catch (e) {
        if (!isTransient(e) || attempt >= 10) throw e;
        await backoff(attempt);
      }
    }
  }
}
