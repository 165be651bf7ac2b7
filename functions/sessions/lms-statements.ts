import { catalog } from '@parcours/domain/content/catalog';
import type { EnrolmentItem, SessionItem } from '@parcours/store';
import type { TransactItem } from '@parcours/store/gateway';
import { statementPutOp } from '@parcours/store/xapi-statements';
import {
  attendedStatement,
  completedStatement,
  registeredStatement,
  type Statement,
  statementIdFor,
  unregisteredStatement,
  waitlistedStatement,
  type LmsEvent as XapiLmsEvent,
} from '@parcours/xapi';
import { systemStatementItem } from '../shared/statement-authority.ts';

export type LmsEvent =
  | 'registered'
  | 'waitlisted'
  | 'unregistered'
  | 'attended'
  | 'completed'
  | 'no-show'
  | 'partially-attended';

function statementFor(event: LmsEvent, e: XapiLmsEvent): Statement | undefined {
  switch (event) {
    case 'registered':
      return registeredStatement(e);
    case 'waitlisted':
      return waitlistedStatement(e);
    case 'unregistered':
      return unregisteredStatement(e);
    case 'attended':
      return attendedStatement(e);
    case 'partially-attended':
      // Present for part of the session: attended, without completing it.
      return { ...attendedStatement(e), result: { completion: false } };
    case 'completed':
      return completedStatement(e);
    case 'no-show':
      // An absence is not a learning experience: no Statement (see docs/xapi-lrs.md, "Statements the LMS emits").
      return undefined;
  }
}

/**
 * The ONE place where LMS state changes become xAPI statements, written in the same transaction as the change (so a
 * statement exists if and only if the change happened), through the same item shape as the LRS's own write path:
 * one Put per Statement, indexed afterwards by the stream projection like any other.
 *
 * Idempotence: the id is a name-based UUID of (event, enrolment, time of the change), so the attempts of one request
 * (which share `now`) produce the same Statement, and distinct changes (a correction of attendance) distinct ones.
 * The Put is unconditional: a condition on the id would cancel the whole enrolment transaction on a retry, whereas
 * rewriting an identical item is harmless.
 */
export function lmsStatementItems(
  event: LmsEvent,
  enrolment: EnrolmentItem,
  session: SessionItem,
  now: string,
): TransactItem[] {
  const module = catalog().modules.find((m) => m.id === session.moduleId);
  const statement = statementFor(event, {
    learner: { userId: enrolment.learnerId },
    session: {
      id: session.id,
      moduleId: session.moduleId,
      moduleTitle: module?.title ?? { fr: session.moduleId, en: session.moduleId },
      ...((enrolment.pathId ?? session.pathId) ? { pathId: enrolment.pathId ?? session.pathId } : {}),
      siteId: session.siteId,
      start: session.start,
    },
    registration: enrolment.id,
    timestamp: now,
    statementId: statementIdFor(`${event}:${enrolment.id}:${now}`),
  });
  if (!statement) return [];
  return [statementPutOp(systemStatementItem(statement, new Date(now)), false)];
}
