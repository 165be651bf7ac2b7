import type { Module } from '@parcours/domain/content/schemas';
import type { AttendanceChange as PlannedChange } from '@parcours/domain/lms/attendance-plan';
import type { EnrolmentItem } from './enrolment-item.ts';
import { LIMITS, StoreUnavailableError, type TaggedOp, type TransactItem, transactWrite } from './gateway.ts';
import { keys } from './keys.ts';
import type { CompletionItem } from './learner-items.ts';
import { packGroups } from './optimistic.ts';
import type { SessionItem } from './session-item.ts';

/** One learner's change, as planned by the domain (`planAttendance`). */
export type AttendanceChange = PlannedChange<EnrolmentItem>;

export type AttendanceTag =
  | { kind: 'enrolment' | 'booking' | 'completion' | 'extra'; learnerId: string }
  | { kind: 'session' };
type Op = TaggedOp<AttendanceTag>;

export type AttendanceOutcome =
  | { ok: true }
  /** What was found changed since the plan was made (nothing of the failed transaction was written). */
  | { ok: false; changedMeanwhile: AttendanceTag[] };

function learnerOps(
  c: AttendanceChange,
  session: SessionItem,
  module: Module,
  ctx: { actorId: string; now: string },
): Op[] {
  const e = c.enrolment;
  const learnerId = e.learnerId;
  const ops: Op[] = [
    {
      tag: { kind: 'enrolment', learnerId },
      op: {
        Update: {
          Key: keys.session.enrolment(session.id, learnerId),
          UpdateExpression: 'SET #st = :to, updatedAt = :now, updatedBy = :by, attendanceMarkedAt = :now',
          ConditionExpression: '#st = :from',
          ExpressionAttributeNames: { '#st': 'status' },
          ExpressionAttributeValues: { ':to': c.to, ':from': c.from, ':now': ctx.now, ':by': ctx.actorId },
        },
      },
    },
    {
      tag: { kind: 'booking', learnerId },
      op: {
        Update: {
          Key: keys.user.booking(learnerId, session.id),
          UpdateExpression: 'SET #st = :to, updatedAt = :now',
          ExpressionAttributeNames: { '#st': 'status' },
          ExpressionAttributeValues: { ':to': c.to, ':now': ctx.now },
        },
      },
    },
  ];
  // A module completed in another session keeps its own evidence: grants and withdrawals touch only this session's.
  const onlyThisSession = {
    ConditionExpression: 'attribute_not_exists(pk) OR sessionId = :sid',
    ExpressionAttributeValues: { ':sid': session.id },
  };
  if (c.completion === 'grant') {
    const completion: CompletionItem = {
      ...keys.user.completion(learnerId, session.moduleId),
      entity: 'completion',
      learnerId,
      moduleId: session.moduleId,
      sessionId: session.id,
      enrolmentId: e.id,
      completedAt: session.end,
      ...(e.learnerService ? { learnerService: e.learnerService } : {}),
      competencies: module.competencies,
    };
    ops.push({
      tag: { kind: 'completion', learnerId },
      op: { Put: { Item: completion, ...onlyThisSession } },
    });
  } else if (c.completion === 'withdraw') {
    ops.push({
      tag: { kind: 'completion', learnerId },
      op: { Delete: { Key: keys.user.completion(learnerId, session.moduleId), ...onlyThisSession } },
    });
  }
  return ops;
}

function sessionCompletedOp(session: SessionItem, ctx: { actorId: string; now: string }): Op {
  return {
    tag: { kind: 'session' },
    op: {
      Update: {
        Key: keys.session.item(session.id),
        UpdateExpression:
          'SET #st = :completed, attendanceTakenAt = :now, attendanceTakenBy = :by, updatedAt = :now',
        ConditionExpression: '#st IN (:scheduled, :completed)',
        ExpressionAttributeNames: { '#st': 'status' },
        ExpressionAttributeValues: {
          ':completed': 'completed',
          ':scheduled': 'scheduled',
          ':now': ctx.now,
          ':by': ctx.actorId,
        },
      },
    },
  };
}

/**
 * Writes attendance marks. `attended` completes the module (completion item = the evidence of its competencies);
 * a correction away from `attended` withdraws the completion this session had granted, and only that one. Each
 * learner's change (with its extra items) commits whole, conditioned on the status read, so two trainers marking
 * at once cannot interleave; a large sheet spans several transactions, the session being marked completed with the
 * last one (a crash before it leaves a consistent state the same sheet can be resubmitted over).
 */
export async function writeAttendance(input: {
  session: SessionItem;
  module: Module;
  changes: readonly AttendanceChange[];
  actorId: string;
  now: string;
  extraItems?: (change: AttendanceChange) => TransactItem[];
}): Promise<AttendanceOutcome> {
  if (input.changes.length === 0) return { ok: true };
  const ctx = { actorId: input.actorId, now: input.now };
  const groups = input.changes.map((c) => [
    ...learnerOps(c, input.session, input.module, ctx),
    ...(input.extraItems?.(c) ?? []).map(
      (op): Op => ({ tag: { kind: 'extra', learnerId: c.enrolment.learnerId }, op }),
    ),
  ]);
  groups.push([sessionCompletedOp(input.session, ctx)]);
  for (const batch of packGroups(groups, LIMITS.transaction)) {
    const outcome = await transactWrite(batch);
    if (outcome.ok) continue;
    if (outcome.transient) throw new StoreUnavailableError('attendance: the table stayed contended');
    return { ok: false, changedMeanwhile: outcome.failures.map((f) => f.tag) };
  }
  return { ok: true };
}
