import type { FacilitatorRole } from '@parcours/domain/api/sessions-api';
import { conflict } from '@parcours/domain/errors';
import type { EvaluationWindow } from '@parcours/domain/evaluations/window';
import type { KindOrUnknown, LeadKind } from '@parcours/domain/transfer/delivery';
import type { Entity } from './entities.ts';
import {
  get,
  put,
  putIfAbsent,
  queryAll,
  type TaggedOp,
  type TransactItem,
  transactWrite,
} from './gateway.ts';
import { keys } from './keys.ts';

/**
 * Satisfaction evaluations (docs/transfer.md, "Evaluations"): the evaluation window of a session, the anonymous
 * responses (`evaluation#<sessionId>` / `response#<responseId>`, no learner identifier on them) and each learner's
 * private link to their own response (`user#<learnerId>` / `evaluation#<sessionId>`), which makes "one response per
 * attendee" a conditional write and lets the learner edit it until the window closes.
 */

export interface EvaluationWindowItem extends EvaluationWindow {
  pk: string;
  sk: 'window';
  entity: Extract<Entity, 'evaluation-window'>;
  moduleId: string;
  setBy?: string;
  setAt?: string;
  reason?: string;
}

/** The anonymous response, as the HR reports and the aggregates read it (contract: no learner identifier). */
export interface EvaluationResponseItem {
  pk: string;
  sk: string;
  entity: Extract<Entity, 'evaluation-response'>;
  responseId: string;
  sessionId: string;
  moduleId: string;
  pathId?: string;
  /** Paths the session counts for (its path, or every path holding the module). */
  pathIds: string[];
  siteId: string;
  sessionStart: string;
  overall: number;
  objectives: number[];
  facilitators: { trainerId: string; role: FacilitatorRole; kind: KindOrUnknown; rating?: number }[];
  recommend: boolean;
  comment?: string;
  leadKind: LeadKind;
  quarter: string;
  month: string;
  submittedAt: string;
  updatedAt: string;
  revision: number;
  /** Loaded with the demo's history (sessions run before Parcours), not submitted by an attendee. */
  imported?: boolean;
}

export interface EvaluationLinkItem {
  pk: string;
  sk: string;
  entity: Extract<Entity, 'evaluation-link'>;
  sessionId: string;
  responseId: string;
  revision: number;
  submittedAt: string;
  updatedAt: string;
}

export async function getEvaluationWindow(sessionId: string): Promise<EvaluationWindowItem | undefined> {
  return get<EvaluationWindowItem>({ Key: keys.transfer.evaluationWindow(sessionId), ConsistentRead: true });
}

/** Creates the default window once (the projection, when the session completes); an existing one is kept. */
export async function ensureEvaluationWindow(w: EvaluationWindow & { moduleId: string }): Promise<void> {
  await putIfAbsent({ ...keys.transfer.evaluationWindow(w.sessionId), entity: 'evaluation-window', ...w });
}

/** The lab moves the closing date (recorded with who, when and why). */
export async function setEvaluationWindow(
  w: EvaluationWindow & { moduleId: string },
  ctx: { by: string; at: string; reason?: string | undefined },
): Promise<EvaluationWindowItem> {
  const item: EvaluationWindowItem = {
    ...keys.transfer.evaluationWindow(w.sessionId),
    sk: 'window',
    entity: 'evaluation-window',
    ...w,
    setBy: ctx.by,
    setAt: ctx.at,
    ...(ctx.reason ? { reason: ctx.reason } : {}),
  };
  await put({ Item: item });
  return item;
}

export async function getEvaluationLink(
  learnerId: string,
  sessionId: string,
): Promise<EvaluationLinkItem | undefined> {
  return get<EvaluationLinkItem>({
    Key: keys.transfer.evaluationLink(learnerId, sessionId),
    ConsistentRead: true,
  });
}

export async function listEvaluationLinks(learnerId: string): Promise<EvaluationLinkItem[]> {
  return queryAll<EvaluationLinkItem>({
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :p)',
    ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' },
    ExpressionAttributeValues: {
      ':pk': keys.user.partition(learnerId),
      ':p': keys.transfer.evaluationLinkPrefix,
    },
    ConsistentRead: true,
  });
}

export async function getEvaluationResponse(
  sessionId: string,
  responseId: string,
): Promise<EvaluationResponseItem | undefined> {
  return get<EvaluationResponseItem>({
    Key: keys.transfer.evaluationResponse(sessionId, responseId),
    ConsistentRead: true,
  });
}

export async function listEvaluationResponses(
  sessionId: string,
  consistent = false,
): Promise<EvaluationResponseItem[]> {
  return queryAll<EvaluationResponseItem>({
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :p)',
    ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' },
    ExpressionAttributeValues: {
      ':pk': keys.transfer.evaluationPartition(sessionId),
      ':p': keys.transfer.responsePrefix,
    },
    ConsistentRead: consistent,
  });
}

/** What an op of a submission's transaction writes. */
type SubmissionTag = { kind: 'link' } | { kind: 'response' } | { kind: 'statement'; index: number };

/**
 * Writes a response, its link and its xAPI Statement in one transaction. First response: link and response must
 * not exist (two concurrent first submissions: one wins, the other gets `evaluation-conflict` and is retried as an
 * edit by the caller). Edit: conditional on the revision read.
 */
export async function saveEvaluationResponse(input: {
  learnerId: string;
  response: Omit<EvaluationResponseItem, 'pk' | 'sk' | 'entity'>;
  previousRevision: number | undefined;
  statements: TransactItem[];
}): Promise<EvaluationResponseItem> {
  const { response: r } = input;
  const item: EvaluationResponseItem = {
    ...keys.transfer.evaluationResponse(r.sessionId, r.responseId),
    entity: 'evaluation-response',
    ...r,
  };
  const link: EvaluationLinkItem = {
    ...keys.transfer.evaluationLink(input.learnerId, r.sessionId),
    entity: 'evaluation-link',
    sessionId: r.sessionId,
    responseId: r.responseId,
    revision: r.revision,
    submittedAt: r.submittedAt,
    updatedAt: r.updatedAt,
  };
  const fresh = input.previousRevision === undefined;
  const cond = fresh
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : {
        ConditionExpression: '#rev = :rev',
        ExpressionAttributeNames: { '#rev': 'revision' },
        ExpressionAttributeValues: { ':rev': input.previousRevision },
      };
  const ops: TaggedOp<SubmissionTag>[] = [
    { tag: { kind: 'link' }, op: { Put: { Item: link, ...cond } } },
    { tag: { kind: 'response' }, op: { Put: { Item: item, ...cond } } },
    ...input.statements.map((op, index) => ({ tag: { kind: 'statement' as const, index }, op })),
  ];
  const outcome = await transactWrite(ops);
  if (outcome.ok) return item;
  // Another submission got there first (its link, response or Statement of this revision): the caller re-reads.
  if (outcome.failures.some((f) => f.code === 'ConditionalCheckFailed')) {
    throw conflict(
      'evaluation-conflict',
      'Your response was changed meanwhile (another submission); reload and retry',
    );
  }
  if (outcome.transient) throw conflict('evaluation-conflict', 'Too many concurrent submissions; retry');
  throw new Error(`evaluation transaction failed: ${outcome.failures.map((f) => f.code).join(', ')}`);
}

/** Stores a response loaded with the demo's history (no attendee, no link, no Statement). */
export async function importEvaluationResponse(
  response: Omit<EvaluationResponseItem, 'pk' | 'sk' | 'entity' | 'imported'>,
): Promise<void> {
  const item: EvaluationResponseItem = {
    ...keys.transfer.evaluationResponse(response.sessionId, response.responseId),
    entity: 'evaluation-response',
    ...response,
    imported: true,
  };
  await put({ Item: item });
}
