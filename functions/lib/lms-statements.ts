import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { EnrolmentItem, SessionItem } from '@parcours/store';

type TxItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export type LmsEvent = 'registered' | 'waitlisted' | 'unregistered' | 'attended' | 'completed' | 'no-show' | 'partially-attended';

/**
 * The ONE place where LMS state changes become xAPI statements, written in the same transaction as the change
 * (so a statement exists if and only if the change happened). Filled in by the LRS work.
 */
export function lmsStatementItems(_event: LmsEvent, _enrolment: EnrolmentItem, _session: SessionItem, _now: string): TxItem[] {
  return [];
}
